/**
 * Finds shipped resources (fonts, JS shims, worker scripts) from this file's location: it works
 * from main/render (tsx, tests), from out/main/render (built) and inside an asar.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cached = new Map<string, string>();

/** The absolute path of `resources/<name>`; throws if no folder above this file has one. */
export function renderResource(name: 'render' | 'fonts'): string {
  const hit = cached.get(name);
  if (hit) return hit;
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources', name);
    if (existsSync(candidate)) {
      cached.set(name, candidate);
      return candidate;
    }
    if (path.dirname(dir) === dir) throw new Error(`Cannot find resources/${name} above ${start}`);
  }
}
