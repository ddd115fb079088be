/** The state of data fetched from the engine. */
import type { AppError } from '../../shared/result.js';

/** Loading, loaded, or failed; a reload keeps showing the last value. */
export type Remote<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ok'; readonly value: T }
  | { readonly state: 'error'; readonly error: AppError };
