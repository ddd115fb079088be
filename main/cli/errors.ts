/** How commands fail: one line on stderr and a non-zero exit code, never a stack trace. */
import type { Result } from '../../shared/result.js';

/** An expected failure of a command, with the exit code it should end the process with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The value of a successful Result; a failed one becomes a {@link CliError} naming its code. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new CliError(`${result.error.code}: ${result.error.message}`);
}

/** Prints the one-line error and sets the exit code (the process then ends on its own). */
export function reportFailure(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`vcheck: ${message.split('\n')[0]}\n`);
  process.exitCode = error instanceof CliError ? error.exitCode : 1;
}

/** Wraps a command action so that any failure is reported as one line. */
export function action<A extends unknown[]>(
  run: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      reportFailure(error);
    }
  };
}
