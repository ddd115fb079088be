/**
 * Finds the shipped `resources/datasets` folder from this file's location: it works from
 * main/datasets/builtin (tsx, tests), from out/main/datasets/builtin (built) and inside an asar.
 * (Datasets may not import main/api, which has the package-root helper; this is the small local one.)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The absolute path of `resources/datasets`; throws if no folder above this file has one. */
export function datasetResourcesDir(): string {
  if (cached) return cached;
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources', 'datasets');
    if (existsSync(candidate)) return (cached = candidate);
    if (path.dirname(dir) === dir) throw new Error(`Cannot find resources/datasets above ${start}`);
  }
}
