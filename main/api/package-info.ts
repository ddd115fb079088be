/** Facts about the installed package: its root folder (for built assets) and version. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: { root: string; name: string; version: string } | null = null;

/** The package root (the folder holding our package.json), found from this file's location. */
export function packageInfo(): { readonly root: string; readonly name: string; readonly version: string } {
  if (cached) return cached;
  // Works from main/api (tsx, tests) and from out/main/api (built), and inside an asar.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
        name?: string;
        version?: string;
        bin?: unknown;
      };
      if (pkg.name === 'vision-checkup-workbench') {
        cached = { root: dir, name: pkg.name, version: pkg.version ?? '0.0.0' };
        return cached;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error('Cannot find the workbench package.json above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}
