/**
 * `metrics.fid`: FID and KID between two feature sets, each a `.npy` feature matrix or a folder of
 * images (encoded by the FID Inception model, cached). Expected failures become AppFailures with
 * messages that name the file or the missing model.
 */
import { stat } from 'node:fs/promises';
import type { FeatureSetSource, FidComparison, MetricProvenance } from '../../../shared/metrics.js';
import { AppFailure } from '../../../shared/result.js';
import {
  inceptionFolderFeatures,
  type FeatureContext,
  type FolderFeatures,
} from '../features/inception-features.js';
import { NpyFormatError, readNpyFeatures } from '../features/npy.js';
import { matrixFrom, type Matrix } from '../linalg/matrix.js';
import { MissingModelError } from '../models/model-files.js';
import { INCEPTION_PREPROCESSING } from '../preprocess/image-tensors.js';
import { FID_IMPLEMENTATION_VERSION, frechetDistance } from './fid.js';
import { KID_IMPLEMENTATION_VERSION, kernelInceptionDistance } from './kid.js';

/** A `metrics.fid` request (defaults filled in). */
export interface FidRequest {
  readonly a: string;
  readonly b: string;
  readonly kidSubsets: number;
  readonly kidSubsetSize: number;
  readonly seed: number;
}

interface LoadedSet {
  readonly matrix: Matrix;
  readonly source: FeatureSetSource;
  readonly folder: FolderFeatures | null;
}

async function loadSet(ctx: FeatureContext, file: string): Promise<LoadedSet> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new AppFailure('not_found', `${file} does not exist`);
  if (info.isFile() && file.toLowerCase().endsWith('.npy')) {
    const matrix = await readNpyFeatures(file);
    return { matrix, source: { path: file, kind: 'npy', n: matrix.rows }, folder: null };
  }
  if (!info.isDirectory())
    throw new AppFailure('validation', `${file}: expected a .npy feature file (N×D) or a folder of images`);
  const folder = await inceptionFolderFeatures(ctx, file);
  return {
    matrix: matrixFrom(folder.n, folder.d, folder.features),
    source: {
      path: file,
      kind: 'images',
      n: folder.n,
      contentHash: folder.contentHash,
      cached: folder.cached,
      skipped: folder.skipped,
    },
    folder,
  };
}

/** Maps the expected failures of loading to AppFailures; anything else stays unexpected. */
async function expected<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NpyFormatError) throw new AppFailure('validation', error.message);
    if (error instanceof MissingModelError) throw new AppFailure('unavailable', error.message);
    if (error instanceof RangeError) throw new AppFailure('validation', error.message);
    throw error;
  }
}

/** FID and KID between two feature sets, with provenance. */
export function compareFeatureSets(ctx: FeatureContext, request: FidRequest): Promise<FidComparison> {
  return expected(async () => {
    const a = await loadSet(ctx, request.a);
    const b = await loadSet(ctx, request.b);
    const fid = frechetDistance(a.matrix, b.matrix);
    const kid = kernelInceptionDistance(a.matrix, b.matrix, {
      subsets: request.kidSubsets,
      subsetSize: request.kidSubsetSize,
      seed: request.seed,
    });
    const skipped = [a, b].flatMap((set) => (set.source.skipped ?? []).map((f) => `${set.source.path}/${f}`));
    const inputWarnings = skipped.length ? [`undecodable images skipped: ${skipped.join(', ')}`] : [];
    const base = baseProvenance(a, b);
    return {
      fid: fid.fid,
      kidMean: kid.mean,
      kidStd: kid.std,
      nA: fid.nA,
      nB: fid.nB,
      d: fid.d,
      a: a.source,
      b: b.source,
      fidProvenance: {
        ...base,
        metric: 'fid',
        implementationVersion: FID_IMPLEMENTATION_VERSION,
        seed: null,
        settings: { route: fid.route, d: fid.d },
        warnings: [...fid.warnings, ...inputWarnings],
      },
      kidProvenance: {
        ...base,
        metric: 'kid',
        implementationVersion: KID_IMPLEMENTATION_VERSION,
        seed: kid.seed,
        settings: {
          subsets: kid.subsets,
          subsetSize: kid.subsetSize,
          kernel: 'polynomial (xᵀy/d + 1)³',
          d: fid.d,
        },
        warnings: [...kid.warnings, ...inputWarnings],
      },
    };
  });
}

function baseProvenance(a: LoadedSet, b: LoadedSet): Pick<MetricProvenance, 'model' | 'preprocessing' | 'n'> {
  const folder = a.folder ?? b.folder;
  return {
    model: folder
      ? { id: folder.model.id, sha256: folder.model.sha256, provider: folder.model.provider }
      : null,
    preprocessing: folder ? { ...INCEPTION_PREPROCESSING } : null,
    n: { a: a.matrix.rows, b: b.matrix.rows },
  };
}
