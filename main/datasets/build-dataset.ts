/**
 * The `datasets.build` job: makes a new dataset version from a source. Concepts are written in
 * chunks while the version is `building` (invisible), then the version is made visible with its
 * content hash and counts; a failure or cancel discards it whole, so nothing is half-imported.
 */
import { AppFailure } from '../../shared/result.js';
import { datasetBuildParams, type DatasetBuildParams, type DatasetBuildResult } from '../../shared/jobs.js';
import { RateMeter } from '../jobs/rate.js';
import type { JobContext, JobDefinition } from '../jobs/types.js';
import type { ConceptRow } from '../store/repos/datasets-repo.js';
import type { Store } from '../store/store.js';
import { openConceptSource, type ConceptSource } from './concept-sources.js';
import { createItemDigest } from './content-digest.js';

/** Rows per write transaction: large enough to amortise commits, small enough to keep the engine responsive. */
const CHUNK = 5_000;

function abortError(): Error {
  return Object.assign(new Error('cancelled'), { name: 'AbortError' });
}

async function writeChunks(
  store: Store,
  id: string,
  source: ConceptSource,
  ctx: JobContext,
): Promise<ReturnType<ReturnType<typeof createItemDigest>['finish']>> {
  const digest = createItemDigest();
  const meter = new RateMeter();
  const keys = new Set<string>();
  let chunk: ConceptRow[] = [];
  let written = 0;
  const flush = async (): Promise<void> => {
    store.datasets.appendConcepts(id, written, chunk);
    written += chunk.length;
    chunk = [];
    const total = source.total;
    ctx.report({
      kind: 'datasets.build',
      phase: 'writing',
      done: written,
      total,
      fraction: total ? written / total : null,
      ...meter.update(written, total),
    });
    // Let cancel requests, events and UI reads through between chunks.
    await new Promise((resolve) => setImmediate(resolve));
    if (ctx.signal.aborted) throw abortError();
  };
  for (const item of source.items) {
    if (keys.has(item.key)) throw new AppFailure('validation', `Duplicate concept key "${item.key}".`);
    keys.add(item.key);
    digest.add(item);
    chunk.push(item);
    if (chunk.length >= CHUNK) await flush();
  }
  if (chunk.length > 0) await flush();
  return digest.finish();
}

async function run(store: Store, params: DatasetBuildParams, ctx: JobContext): Promise<DatasetBuildResult> {
  ctx.report({ kind: 'datasets.build', phase: 'reading', done: 0, total: null, fraction: null });
  const source = await openConceptSource(params, store);
  if (ctx.signal.aborted) throw abortError();
  const name = params.name ?? source.defaultName;
  const { id, version } = store.datasets.beginVersion({
    name,
    kind: source.kind,
    source: source.source,
    description: params.description ?? '',
    params: { ...source.provenance, ...(source.stats ? { importStats: source.stats } : {}) },
    seed: source.seed,
    ...(source.parentId ? { parentId: source.parentId } : {}),
  });
  try {
    const digest = await writeChunks(store, id, source, ctx);
    if (digest.count === 0) throw new Error('The source produced no concepts.');
    const dataset = store.datasets.finishVersion(id, digest);
    ctx.report({
      kind: 'datasets.build',
      phase: 'done',
      done: digest.count,
      total: digest.count,
      fraction: 1,
    });
    ctx.log(`dataset ${name} v${version}: ${digest.count} concepts, ${digest.contentHash}`);
    return {
      kind: 'datasets.build',
      id: dataset.id,
      name,
      version,
      count: dataset.count,
      contentHash: dataset.contentHash,
      ...(source.stats ? { stats: { ...source.stats } } : {}),
    };
  } catch (error) {
    store.datasets.discardVersion(id);
    throw error;
  }
}

/** The `datasets.build` job definition, bound to a store. */
export function datasetBuildJob(store: Store): JobDefinition<'datasets.build'> {
  return {
    kind: 'datasets.build',
    params: datasetBuildParams,
    run: (params, ctx) => run(store, params as DatasetBuildParams, ctx),
  };
}
