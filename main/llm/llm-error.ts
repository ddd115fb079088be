/** A request to a model that failed for good, with every attempt it made. */
import type { Attempt } from './types.js';

/** Failed after all allowed attempts (or at once, when retrying could not help). */
export class LlmRequestError extends Error {
  /** Creates the error. */
  constructor(
    message: string,
    readonly attempts: readonly Attempt[],
    /**
     * This prompt is refused for good (it does not fit the context; the server answered 400, 413
     * or 422): asking again cannot help, unlike a server that is down or a bad key.
     */
    readonly rejected = false,
  ) {
    super(message);
    this.name = 'LlmRequestError';
  }
}
