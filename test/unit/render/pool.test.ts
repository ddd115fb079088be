import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { threadWorker } from '../../../main/render/message-worker.js';
import { RenderPool } from '../../../main/render/pool.js';

// A real worker thread: answers after `ms`, spins forever on `hang`, exits on `crash`.
const dir = mkdtempSync(path.join(os.tmpdir(), 'vcheck-pool-'));
const script = path.join(dir, 'worker.mjs');
writeFileSync(
  script,
  `import { parentPort, threadId } from 'node:worker_threads';
   parentPort.on('message', (m) => {
     if (m.crash) process.exit(3);
     if (m.hang) for (;;) {}
     setTimeout(() => parentPort.postMessage({ id: m.id, thread: threadId, value: m.value }), m.ms ?? 0);
   });`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Req = {
  readonly value?: number;
  readonly ms?: number;
  readonly hang?: boolean;
  readonly crash?: boolean;
};
type Res = { readonly thread: number; readonly value: number };
const makePool = (size: number, maxQueue: number) =>
  new RenderPool<Req, Res>({
    size,
    maxQueue,
    spawn: () => threadWorker<Req, Res>(script, { maxOldGenerationSizeMb: 32 }),
  });

describe('render pool', () => {
  it('reuses a warm worker for consecutive requests', async () => {
    const pool = makePool(1, 4);
    const a = await pool.run({ value: 1 }, 5000);
    const b = await pool.run({ value: 2 }, 5000);
    expect(a.kind === 'done' && b.kind === 'done' && a.value.thread === b.value.thread).toBe(true);
    pool.dispose();
  });

  it('kills a hung worker on the deadline and serves the next request with a fresh one', async () => {
    const pool = makePool(1, 4);
    const first = await pool.run({ value: 0 }, 5000);
    expect(await pool.run({ hang: true }, 300)).toEqual({ kind: 'timeout' });
    const after = await pool.run({ value: 3 }, 5000);
    expect(after.kind).toBe('done');
    expect(first.kind === 'done' && after.kind === 'done' && first.value.thread !== after.value.thread).toBe(
      true,
    );
    pool.dispose();
  });

  it('reports a crashed worker and recovers', async () => {
    const pool = makePool(1, 4);
    expect((await pool.run({ crash: true }, 5000)).kind).toBe('crashed');
    expect((await pool.run({ value: 4 }, 5000)).kind).toBe('done');
    pool.dispose();
  });

  it('answers busy beyond the bounded queue (back-pressure) and runs the rest', async () => {
    const pool = makePool(1, 1);
    const results = await Promise.all([
      pool.run({ value: 1, ms: 100 }, 5000),
      pool.run({ value: 2 }, 5000),
      pool.run({ value: 3 }, 5000),
    ]);
    expect(results.map((r) => r.kind)).toEqual(['done', 'done', 'busy']);
    pool.dispose();
  });
});
