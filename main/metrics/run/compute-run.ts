/**
 * Scoring a run (the work of the `metrics.compute` job): fidelity (CLIP), diversity (LPIPS) and,
 * given a reference folder, realism (FID/KID) of a run's images; fidelity and diversity aggregated
 * per concept, category, model, language and run with bootstrap intervals, stored with provenance
 * (replacing earlier scores of the same names). A missing model skips its metric with a warning;
 * only when nothing can be computed is it an error. Nothing is written until every number is
 * known, then all of it in one transaction: a stopped computation leaves the previous scores.
 */
import type { MetricsComputePhase } from '../../../shared/jobs.js';
import type { RunMetricsSummary, MetricRecord } from '../../../shared/metrics.js';
import { AppFailure } from '../../../shared/result.js';
import { MetricsRepo } from '../../store/repos/metrics-repo.js';
import type { Store } from '../../store/store.js';
import { openLpips } from '../diversity/lpips-model.js';
import { openClip } from '../models/clip.js';
import { MissingModelError } from '../models/model-files.js';
import { decodePng } from '../preprocess/png-decode.js';
import { aggregateRecords } from './aggregates.js';
import { conceptGroupKey, diversityRecords } from './diversity-run.js';
import { fidelityRecords, type DecodedRunImage } from './fidelity-run.js';
import { realismRecords } from './realism-run.js';
import { runImages, type RunImage } from './run-images.js';
import { readFileSync } from 'node:fs';

/** A `metrics.compute` request (defaults filled in). */
export interface ComputeRunRequest {
  readonly runId: string;
  readonly fidelity: boolean;
  readonly diversity: boolean;
  readonly seed: number;
  readonly pairCap: number;
  readonly resamples: number;
  /** A folder of reference images: adds realism (FID/KID vs it). */
  readonly reference?: string;
}

/**
 * Called between batches/items of each phase; may throw (e.g. on cancel) to stop the computation
 * before anything is written.
 */
export type Checkpoint = (phase: MetricsComputePhase, done: number, total: number) => Promise<void>;

function decodeAll(store: Store, images: ReadonlyArray<RunImage>, warnings: string[]): DecodedRunImage[] {
  const decoded: DecodedRunImage[] = [];
  for (const image of images) {
    const file = store.images.existingPath(image.imageHash);
    try {
      if (!file) throw new Error('missing from the image store');
      decoded.push({ image, pixels: decodePng(readFileSync(file)) });
    } catch (error) {
      warnings.push(`undecodable image of sample ${image.sampleId}: ${(error as Error).message}`);
    }
  }
  return decoded;
}

/** Runs `work` unless its model is missing, in which case it warns and yields nothing. */
async function ifModel<T>(work: () => Promise<T[]>, warnings: string[]): Promise<T[]> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof MissingModelError)) throw error;
    warnings.push(error.message);
    return [];
  }
}

/** What one metric family produced: its records, the names they replace, and their aggregates. */
interface Part {
  readonly records: ReadonlyArray<MetricRecord>;
  readonly names: ReadonlyArray<string>;
  aggregate(): ReadonlyArray<MetricRecord>;
}

/** The state a run's scoring shares across metric families. */
interface Scoring {
  readonly store: Store;
  readonly request: ComputeRunRequest;
  readonly images: ReadonlyArray<DecodedRunImage>;
  readonly warnings: string[];
  readonly checkpoint: Checkpoint;
}

async function fidelityPart({ store, request, images, warnings, checkpoint }: Scoring): Promise<Part> {
  const perSample = await ifModel(async () => {
    const clip = await openClip(store.dataDir);
    try {
      const onStep = (done: number, total: number) => checkpoint('fidelity', done, total);
      const result = await fidelityRecords(store.db, clip, images, onStep);
      warnings.push(...result.warnings);
      return result.records;
    } finally {
      await clip.release();
    }
  }, warnings);
  const bySample = new Map(images.map((i) => [String(i.image.sampleId), i.image]));
  // Per-round aggregates only where there are rounds (self-correct runs), so other runs keep theirs.
  const hasRounds = images.some((i) => i.image.round > 0);
  const keysOf = (r: MetricRecord) => {
    const image = bySample.get(r.scopeKey)!;
    const { category, model, language } = image;
    const round = hasRounds ? String(image.round) : null;
    return { concept: conceptGroupKey(image), category, model, language, round, run: request.runId };
  };
  return {
    records: perSample,
    names: perSample.length ? ['fidelity.percentile', 'clip.score'] : [],
    aggregate: () => aggregateRecords(perSample, keysOf, request),
  };
}

async function diversityPart({ store, request, images, warnings, checkpoint }: Scoring): Promise<Part> {
  const perConcept = await ifModel(async () => {
    const lpips = await openLpips(store.dataDir);
    try {
      const onStep = (done: number, total: number) => checkpoint('diversity', done, total);
      return await diversityRecords(lpips, images, request, onStep);
    } finally {
      await lpips.release();
    }
  }, warnings);
  const categoryOf = new Map(images.map((i) => [conceptGroupKey(i.image), i.image.category]));
  const keysOf = (r: MetricRecord) => {
    const [, model, language] = r.scopeKey.split('|');
    const category = categoryOf.get(r.scopeKey) ?? null;
    return { category, model: model ?? null, language: language ?? null, run: request.runId };
  };
  return {
    records: perConcept,
    names: perConcept.length ? ['diversity.lpips'] : [],
    aggregate: () => aggregateRecords(perConcept, keysOf, request),
  };
}

async function realismPart(
  { store, request, images, warnings, checkpoint }: Scoring,
  reference: string,
): Promise<Part> {
  const runImagesOnly = images.map((i) => i.image);
  // One step: the Inception features and FID/KID are computed in one go.
  await checkpoint('realism', 0, 1);
  const records = await ifModel(
    () => realismRecords(store, request.runId, runImagesOnly, reference, request.seed),
    warnings,
  );
  await checkpoint('realism', 1, 1);
  return { records, names: records.length ? ['realism.fid', 'realism.kid'] : [], aggregate: () => [] };
}

/** Aggregates every part, one checkpoint each, and returns all records to store. */
async function withAggregates(parts: ReadonlyArray<Part>, checkpoint: Checkpoint): Promise<MetricRecord[]> {
  const records: MetricRecord[] = [];
  for (const [i, part] of parts.entries()) {
    records.push(...part.records, ...part.aggregate());
    await checkpoint('aggregate', i + 1, parts.length);
  }
  return records;
}

/**
 * Computes and stores the requested metrics of a run. `checkpoint` runs between steps; the
 * store is written only after the last one, synchronously, so a checkpoint that throws leaves the
 * run's previous scores as they were.
 */
export async function computeRunMetrics(
  store: Store,
  request: ComputeRunRequest,
  checkpoint: Checkpoint = async () => {},
): Promise<RunMetricsSummary> {
  if (!store.runs.get(request.runId)) throw new AppFailure('not_found', `No run ${request.runId}.`);
  const warnings: string[] = [];
  const images = decodeAll(store, runImages(store.db, request.runId), warnings);
  if (images.length === 0) throw new AppFailure('validation', `run ${request.runId} has no images to score`);
  const scoring: Scoring = { store, request, images, warnings, checkpoint };
  const parts = [
    request.fidelity ? await fidelityPart(scoring) : null,
    request.diversity ? await diversityPart(scoring) : null,
    request.reference ? await realismPart(scoring, request.reference) : null,
  ].filter((part): part is Part => part !== null);
  const names = parts.flatMap((p) => p.names);
  if (names.length === 0)
    throw new AppFailure('unavailable', `nothing computed for run ${request.runId}: ${warnings.join('; ')}`);
  const records = await withAggregates(parts, checkpoint);
  // No await between the last checkpoint and this one-transaction write.
  new MetricsRepo(store.db).replace(request.runId, names, records);
  return { runId: request.runId, images: images.length, stored: records.length, names, warnings };
}
