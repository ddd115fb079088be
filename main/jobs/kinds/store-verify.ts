/**
 * `store.verify`: checks every image of the image store — the file exists, its bytes hash to its
 * name, and its PNG structure is intact — and that every indexed image has a file. Each image is
 * one committed work item, so a killed check resumes where it stopped. Corrupt files are reported,
 * never deleted: they may be the only copy of a result a researcher wants to inspect.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { storeVerifyParams, type StoreVerifyParams, type StoreVerifyResult } from '../../../shared/jobs.js';
import { readPngInfo } from '../../store/png.js';
import type { Store } from '../../store/store.js';
import { RateMeter } from '../rate.js';
import type { JobContext, JobDefinition } from '../types.js';

type ItemResult = {
  readonly state: 'ok' | 'corrupt' | 'missing' | 'unindexed';
  readonly reason?: string;
  readonly bytes: number;
};

/** Checks one image; never throws for a bad file (that is a finding, not a failure). */
export function checkImage(store: Store, hash: string, indexed: boolean): ItemResult {
  const file = store.images.pathOf(hash);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file ?? '');
  } catch {
    return { state: 'missing', reason: 'file not found', bytes: 0 };
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== hash)
    return { state: 'corrupt', reason: `content hash is ${actual.slice(0, 12)}…`, bytes: bytes.length };
  try {
    readPngInfo(bytes);
  } catch (error) {
    return { state: 'corrupt', reason: (error as Error).message, bytes: bytes.length };
  }
  return { state: indexed ? 'ok' : 'unindexed', bytes: bytes.length };
}

function summarise(ctx: JobContext): StoreVerifyResult {
  const corrupt: { hash: string; reason: string }[] = [];
  const missing: string[] = [];
  let ok = 0;
  let unindexed = 0;
  let bytes = 0;
  for (const item of ctx.items.committed()) {
    const r = item.result as ItemResult;
    bytes += r.bytes;
    if (r.state === 'ok') ok += 1;
    else if (r.state === 'unindexed') unindexed += 1;
    else if (r.state === 'missing') missing.push(item.key);
    else corrupt.push({ hash: item.key, reason: r.reason ?? 'corrupt' });
  }
  const checked = ok + unindexed + missing.length + corrupt.length;
  return { kind: 'store.verify', checked, ok, corrupt, missing, unreferencedFiles: unindexed, bytes };
}

async function run(store: Store, params: StoreVerifyParams, ctx: JobContext): Promise<StoreVerifyResult> {
  const indexed = new Set(
    (store.db.prepare('SELECT hash FROM images').all() as { hash: string }[]).map((r) => r.hash),
  );
  const hashes = [...new Set([...store.images.filesOnDisk(), ...indexed])].sort();
  const total = hashes.length;
  const meter = new RateMeter();
  let done = hashes.filter((h) => ctx.items.isDone(h)).length;
  let corrupt = 0;
  let missing = 0;
  for (const hash of hashes) {
    if (ctx.signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
    if (ctx.items.isDone(hash)) continue;
    const result = checkImage(store, hash, indexed.has(hash));
    if (params.repair && result.state === 'missing') store.images.remove(hash);
    if (params.repair && result.state === 'unindexed')
      store.images.put(readFileSync(store.images.pathOf(hash) ?? ''));
    ctx.items.commit(hash, result.state === 'ok' || result.state === 'unindexed' ? 'ok' : 'failed', result);
    done += 1;
    if (result.state === 'corrupt') corrupt += 1;
    if (result.state === 'missing') missing += 1;
    ctx.report({
      kind: 'store.verify',
      done,
      total,
      fraction: total ? done / total : 1,
      corrupt,
      missing,
      ...meter.update(done, total),
    });
    // Yield to the event loop now and then so cancel requests and events get through.
    if (done % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  ctx.report({ kind: 'store.verify', done, total, fraction: 1, corrupt, missing });
  const result = summarise(ctx);
  ctx.log(
    `checked ${result.checked} images: ${result.ok} ok, ${result.corrupt.length} corrupt, ${result.missing.length} missing`,
  );
  return result;
}

/** The `store.verify` job definition, bound to a store. */
export function storeVerifyJob(store: Store): JobDefinition<'store.verify'> {
  return {
    kind: 'store.verify',
    params: storeVerifyParams,
    run: (params, ctx) => run(store, params as StoreVerifyParams, ctx),
  };
}
