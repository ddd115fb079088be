/** Result values: expected failures cross every boundary as data, never as thrown errors. */

/** Machine-readable error codes shared by every face. */
export type ErrorCode =
  | 'validation'
  | 'unknown_call'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'unavailable'
  | 'cancelled'
  | 'internal';

/** An expected failure: a code for programs and a message for people. */
export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Structured detail, e.g. the validation issues with their paths. */
  readonly details?: unknown;
}

/** Either a value or an {@link AppError}. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

/** Wraps a value as a successful {@link Result}. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed {@link Result}. */
export function err<T = never>(code: ErrorCode, message: string, details?: unknown): Result<T> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** An error that a service throws to mean "this is an expected failure with this code". */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}

/** Compile-time exhaustiveness check for tagged unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
