/** A request to a model that failed for good, with every attempt it made. */
import type { Attempt } from './types.js';

/** Failed after all allowed attempts (or at once, when retrying could not help). */
export class LlmRequestError extends Error {
  /** Creates the error. */
  constructor(
    message: string,
    readonly attempts: readonly Attempt[],
  ) {
    super(message);
    this.name = 'LlmRequestError';
  }
}
