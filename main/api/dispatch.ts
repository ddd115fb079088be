/** Dispatch: the untrusted boundary. Every request is parsed before its handler runs. */
import { z } from 'zod';
import { calls, isCallName, type CallName } from '../../shared/contract.js';
import { AppFailure, err, ok, type Result } from '../../shared/result.js';
import { handlers } from './handlers.js';
import type { Services } from './services.js';

/** Validates and runs one call; never throws. */
export async function dispatchCall(
  services: Services,
  name: unknown,
  request: unknown,
): Promise<Result<unknown>> {
  if (!isCallName(name)) return err('unknown_call', `Unknown call ${JSON.stringify(name)}.`);
  const parsed = calls[name].request.safeParse(request ?? {});
  if (!parsed.success) {
    return err(
      'validation',
      `Invalid request for ${name}: ${z.prettifyError(parsed.error)}`,
      parsed.error.issues,
    );
  }
  try {
    const handler = handlers[name] as (req: unknown, s: Services) => unknown;
    return ok(await handler(parsed.data, services));
  } catch (error) {
    return toFailure(name, error);
  }
}

function toFailure(name: CallName, error: unknown): Result<never> {
  if (error instanceof AppFailure) return err(error.code, error.message, error.details);
  // Unexpected: keep the message (a researcher can act on "disk full"), log the stack for us.
  console.error(`[vcheck] ${name} failed:`, error);
  return err('internal', error instanceof Error ? error.message : String(error));
}
