/**
 * FID Inception features of an image folder, cached in the store by folder content hash + model
 * sha256 + preprocessing id, so a 1K-image reference set is encoded once.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { readFile } from 'node:fs/promises';
import { AppFailure } from '../../../shared/result.js';
import { MetricFeaturesRepo, type FeatureCacheKey } from '../../store/repos/metric-features-repo.js';
import { fileSha256, requireModel } from '../models/model-files.js';
import { openMetricSession, type ExecutionProvider, type MetricSession } from '../models/onnx-session.js';
import { METRIC_MODELS } from '../models/registry.js';
import { INCEPTION_PREPROCESSING, INCEPTION_SIZE, inceptionInput } from '../preprocess/image-tensors.js';
import { decodeImage, folderContentHash, listImageFiles } from './image-folder.js';

/** Images per model call. */
const BATCH = 16;
/** pool3 feature size of the FID Inception model. */
const METRIC_FEATURE_DIM = 2048;

/** What computing folder features needs. */
export interface FeatureContext {
  readonly dataDir: string;
  readonly db: Database;
}

/** Features of a folder and where they came from. */
export interface FolderFeatures {
  readonly n: number;
  readonly d: number;
  readonly features: Float32Array;
  readonly contentHash: string;
  readonly cached: boolean;
  readonly skipped: ReadonlyArray<string>;
  readonly model: {
    readonly id: string;
    readonly sha256: string;
    readonly provider: ExecutionProvider | 'cache';
  };
}

/** Inception pool3 features of every decodable image in `folder`. */
export async function inceptionFolderFeatures(ctx: FeatureContext, folder: string): Promise<FolderFeatures> {
  const files = await listImageFiles(folder);
  if (files.length === 0)
    throw new AppFailure('validation', `${folder} holds no image files (png, jpg, webp, gif, bmp)`);
  const modelFile = path.join(requireModel(ctx.dataDir, 'fid-inception'), 'model.onnx');
  const modelSha256 = await fileSha256(modelFile);
  const contentHash = await folderContentHash(folder, files);
  const key: FeatureCacheKey = {
    folderHash: contentHash,
    modelId: 'fid-inception',
    modelSha256,
    preprocessing: INCEPTION_PREPROCESSING.id,
  };
  const repo = new MetricFeaturesRepo(ctx.db);
  const hit = repo.get(key);
  const model = { id: 'fid-inception', sha256: modelSha256 };
  if (hit) return { ...hit, contentHash, cached: true, model: { ...model, provider: 'cache' } };
  const session = await openMetricSession(modelFile, METRIC_MODELS['fid-inception'].onnx[0]!, {
    sha256: modelSha256,
  });
  try {
    const { rows, skipped, d } = await encodeFolder(session, folder, files);
    const features = concatenate(rows);
    const value = { n: features.length / d, d, features, skipped };
    if (value.n < 1) throw new AppFailure('validation', `no image in ${folder} could be decoded`);
    repo.put(key, value);
    return { ...value, contentHash, cached: false, model: { ...model, provider: session.provider } };
  } finally {
    await session.release();
  }
}

/** Runs the model over files (relative to `folder`) in batches; undecodable ones are skipped and listed. */
async function encodeFolder(
  session: MetricSession,
  folder: string,
  files: ReadonlyArray<string>,
): Promise<{ rows: Float32Array[]; skipped: string[]; d: number }> {
  const rows: Float32Array[] = [];
  const skipped: string[] = [];
  let d = METRIC_FEATURE_DIM;
  for (let start = 0; start < files.length; start += BATCH) {
    const inputs: Float32Array[] = [];
    for (const file of files.slice(start, start + BATCH)) {
      try {
        inputs.push(inceptionInput(await decodeImage(await readFile(path.join(folder, file)), file)));
      } catch {
        skipped.push(file);
      }
    }
    if (inputs.length === 0) continue;
    const side = INCEPTION_SIZE;
    const batch = new Float32Array(inputs.length * 3 * side * side);
    inputs.forEach((input, i) => batch.set(input, i * input.length));
    const out = (
      await session.run({ images: { type: 'float32', data: batch, dims: [inputs.length, 3, side, side] } })
    )['features']!;
    d = out.dims[1]!;
    rows.push(Float32Array.from(out.data));
  }
  return { rows, skipped, d };
}

/** Features of explicit image files (e.g. a run's images in the image store), not cached. */
export async function inceptionFileFeatures(
  dataDir: string,
  files: ReadonlyArray<string>,
): Promise<Omit<FolderFeatures, 'contentHash' | 'cached'>> {
  const modelFile = path.join(requireModel(dataDir, 'fid-inception'), 'model.onnx');
  const session = await openMetricSession(modelFile, METRIC_MODELS['fid-inception'].onnx[0]!);
  try {
    const { rows, skipped, d } = await encodeFolder(session, '', files);
    const features = concatenate(rows);
    return {
      n: features.length / d,
      d,
      features,
      skipped,
      model: { id: 'fid-inception', sha256: session.sha256, provider: session.provider },
    };
  } finally {
    await session.release();
  }
}

function concatenate(rows: ReadonlyArray<Float32Array>): Float32Array {
  const out = new Float32Array(rows.reduce((sum, r) => sum + r.length, 0));
  let at = 0;
  for (const r of rows) {
    out.set(r, at);
    at += r.length;
  }
  return out;
}
