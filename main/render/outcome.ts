/** Builds {@link RenderOutcome}s: failures, and images that pass the size and blank checks. */
import { finalisePng } from './png-output.js';
import type { RenderOptions, RenderOutcome, RenderStatus, SandboxKind } from './types.js';

/** What every outcome of one renderer shares. */
export interface OutcomeBase {
  readonly renderer: string;
  readonly sandbox: SandboxKind;
}

/** Longest log kept with an outcome. */
const MAX_LOG = 4000;

/** Keeps the head of a long log (the first error is what a person wants). */
export function truncateLog(log: string): string {
  return log.length > MAX_LOG ? `${log.slice(0, MAX_LOG)}\n… (${log.length - MAX_LOG} more characters)` : log;
}

/** A failed render. */
export function failure(
  base: OutcomeBase,
  started: number,
  status: Exclude<RenderStatus, 'ok' | 'blank_image'>,
  error: string,
  log = '',
): RenderOutcome {
  const durationMs = Math.round(performance.now() - started);
  return { ...base, status, error: error.slice(0, 500), log: truncateLog(log), durationMs };
}

/** An image outcome: normalised (white, long side = size), size-capped, `blank_image` if uniform. */
export function outcomeFromImage(
  base: OutcomeBase,
  started: number,
  raw: Uint8Array,
  options: RenderOptions,
  log = '',
): RenderOutcome {
  let image;
  try {
    image = finalisePng(raw, options.size);
  } catch (error) {
    return failure(
      base,
      started,
      'runtime_error',
      `renderer produced no image: ${(error as Error).message}`,
      log,
    );
  }
  if (image.png.byteLength > options.limits.maxOutputBytes)
    return failure(
      base,
      started,
      'resource_limit',
      `PNG is larger than ${options.limits.maxOutputBytes} bytes`,
      log,
    );
  const status = image.blank ? 'blank_image' : 'ok';
  const durationMs = Math.round(performance.now() - started);
  return {
    ...base,
    status,
    png: image.png,
    width: image.width,
    height: image.height,
    log: truncateLog(log),
    durationMs,
  };
}
