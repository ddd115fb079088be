/**
 * Adapters from a worker thread or a child process speaking `{ id, ... }` messages to a
 * {@link PoolWorker}: one request in flight, killed with terminate() / SIGKILL.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import type { PoolWorker } from './pool.js';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

function wire(
  onMessage: (listener: (message: unknown) => void) => void,
  onGone: (listener: (why: string) => void) => void,
): { pending: Map<number, Pending>; nextId: () => number; gone: () => string | undefined } {
  const pending = new Map<number, Pending>();
  let id = 0;
  let goneWhy: string | undefined;
  onMessage((message) => {
    const m = message as { id: number };
    pending.get(m.id)?.resolve(message);
    pending.delete(m.id);
  });
  onGone((why) => {
    goneWhy ??= why;
    for (const p of pending.values()) p.reject(new Error(why));
    pending.clear();
  });
  return { pending, nextId: () => (id += 1), gone: () => goneWhy };
}

/** A pooled worker thread running `script` (plain ESM JavaScript). */
export function threadWorker<Req extends object, Res>(
  script: string,
  options: { readonly maxOldGenerationSizeMb: number },
): PoolWorker<Req, Res> {
  const worker = new Worker(script, {
    resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb },
    stdout: true,
    stderr: true,
  });
  const { pending, nextId, gone } = wire(
    (l) => worker.on('message', l),
    (l) => {
      worker.on('error', (e) => l(`worker crashed: ${e.message}`));
      worker.on('exit', (code) => l(`worker exited (${code})`));
    },
  );
  worker.unref();
  return {
    run: (request) =>
      new Promise((resolve, reject) => {
        const why = gone();
        if (why) return reject(new Error(why));
        const id = nextId();
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        worker.postMessage({ ...request, id });
      }),
    kill: () => void worker.terminate(),
  };
}

/** A pooled child process running `script` in `cwd` (`execPath` may be a wrapper such as prlimit). */
export function childWorker<Req extends object, Res>(
  script: string,
  options: { readonly cwd: string; readonly execPath?: string; readonly execArgv?: readonly string[] },
): PoolWorker<Req, Res> {
  const child: ChildProcess = fork(script, [], {
    cwd: options.cwd,
    ...(options.execPath ? { execPath: options.execPath } : {}),
    execArgv: [...(options.execArgv ?? [])],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
  });
  child.stderr?.resume();
  const { pending, nextId, gone } = wire(
    (l) => child.on('message', l),
    (l) => {
      child.on('error', (e) => l(`renderer process failed: ${e.message}`));
      child.on('exit', (code, signal) => l(`renderer process exited (${signal ?? code})`));
    },
  );
  child.unref();
  child.channel?.unref();
  return {
    run: (request) =>
      new Promise((resolve, reject) => {
        const why = gone();
        if (why) return reject(new Error(why));
        const id = nextId();
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.channel?.ref();
        child.send({ ...request, id });
      }).finally(() => child.channel?.unref()) as Promise<Res>,
    kill: () => void child.kill('SIGKILL'),
  };
}
