/**
 * Finds the shipped `resources/samples` folder (the 16 concepts and the 96 recorded answers of the
 * built-in sample run) from this file's location: from main/experiments/sample-run (tsx, tests),
 * from out/main/… (built) and inside an asar, like the render and dataset resources.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The absolute path of `resources/samples`; throws if no folder above this file has one. */
export function sampleResourcesDir(): string {
  if (cached) return cached;
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources', 'samples');
    if (existsSync(path.join(candidate, 'concepts.json'))) return (cached = candidate);
    if (path.dirname(dir) === dir) throw new Error(`Cannot find resources/samples above ${start}`);
  }
}

/**
 * How a recorded model names the shipped answers: resolved when the run opens its models, so a
 * sample run still resumes after the app moved (an AppImage mounts at a new path every launch).
 */
export const BUILTIN_SAMPLES = 'builtin:samples';

/** A recorded model's `file`, with {@link BUILTIN_SAMPLES} resolved to this install's folder. */
export function recordedFile(file: string): string {
  return file === BUILTIN_SAMPLES ? sampleResourcesDir() : file;
}
