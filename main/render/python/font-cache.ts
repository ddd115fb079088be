/**
 * matplotlib's font cache, built once per machine and copied into every worker's scratch dir, so
 * no render pays the ~1.5 s font scan. The first worker builds it inside its sandbox; we keep a
 * copy in a per-user cache folder (`VCHECK_RENDER_CACHE` or the temp dir).
 */
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { giveToSandboxUser } from '../sandbox/identity.js';

/** Where render caches (font list, TeX format) live on this machine. */
export function renderCacheDir(): string {
  return (
    process.env.VCHECK_RENDER_CACHE ??
    path.join(os.tmpdir(), `vcheck-render-cache-${process.getuid?.() ?? 'user'}`)
  );
}

const FONT_LIST = /^fontlist-v\d+\.json$/;

/** Copies the cached font list (if any) into `<scratch>/mplconfig` before a worker starts. */
export async function restoreFontCache(scratchHost: string): Promise<void> {
  const target = path.join(scratchHost, 'mplconfig');
  await mkdir(target, { recursive: true });
  await giveToSandboxUser(target);
  const cache = path.join(renderCacheDir(), 'matplotlib');
  const files = await readdir(cache).catch(() => [] as string[]);
  for (const file of files.filter((name) => FONT_LIST.test(name))) {
    await copyFile(path.join(cache, file), path.join(target, file));
  }
}

/** Keeps the font list a worker built (when the cache had none yet). */
export async function saveFontCache(scratchHost: string): Promise<void> {
  const cache = path.join(renderCacheDir(), 'matplotlib');
  const have = await readdir(cache).catch(() => [] as string[]);
  if (have.some((name) => FONT_LIST.test(name))) return;
  const built = await readdir(path.join(scratchHost, 'mplconfig')).catch(() => [] as string[]);
  await mkdir(cache, { recursive: true, mode: 0o755 });
  for (const file of built.filter((name) => FONT_LIST.test(name))) {
    await copyFile(path.join(scratchHost, 'mplconfig', file), path.join(cache, file));
  }
}
