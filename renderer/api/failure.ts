/** Maps transport failures (network, HTTP, malformed answers) to failed Results of the contract. */
import type { CallName, CallResult } from '../../shared/contract.js';
import type { AppError, ErrorCode, Result } from '../../shared/result.js';

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'validation',
  'unknown_call',
  'not_found',
  'conflict',
  'unauthorized',
  'unavailable',
  'cancelled',
  'internal',
]);

/** A failed Result saying the engine could not be reached or answered something unreadable. */
export function unavailable<N extends CallName>(name: N, why: string): CallResult<N> {
  return { ok: false, error: { code: 'unavailable', message: `${name}: ${why}` } };
}

/** The message of anything thrown, for people. */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  return typeof thrown === 'string' ? thrown : 'unknown error';
}

function isAppError(value: unknown): value is AppError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as { code?: unknown; message?: unknown };
  return typeof code === 'string' && ERROR_CODES.has(code) && typeof message === 'string';
}

/**
 * True when `value` has the shape of a Result. Only the envelope is checked: the value itself
 * comes from our own engine, so its type is trusted as the contract declares it.
 */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const envelope = value as { ok?: unknown; value?: unknown; error?: unknown };
  if (envelope.ok === true) return 'value' in envelope;
  return envelope.ok === false && isAppError(envelope.error);
}
