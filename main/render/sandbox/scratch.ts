/**
 * Fresh scratch directories: one per run (or per warm worker), the only place a sandboxed program
 * may write, deleted afterwards. They live under one parent that others may traverse but not list,
 * so in the weaker rlimits mode one render cannot find another's directory.
 */
import { mkdirSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { giveToSandboxUser } from './identity.js';

let parent: string | undefined;

function scratchParent(): string {
  if (parent) return parent;
  const dir = path.join(os.tmpdir(), `vcheck-scratch-${process.getuid?.() ?? 'user'}`);
  mkdirSync(dir, { recursive: true, mode: 0o711 });
  return (parent = dir);
}

/** Creates a fresh, empty scratch directory writable by the sandbox user. */
export async function createScratch(): Promise<string> {
  const root = scratchParent();
  await chmod(root, 0o711);
  const dir = await mkdtemp(path.join(root, 'run-'));
  await chmod(dir, 0o700);
  await giveToSandboxUser(dir);
  return dir;
}

/** Deletes a scratch directory and everything in it (never throws). */
export async function removeScratch(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined);
}
