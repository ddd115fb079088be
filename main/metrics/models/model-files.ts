/**
 * Where metric models live in the data directory (`models/metrics/<id>/`), whether each is
 * present, and importing one from a folder. A missing model disables its metric, not the app.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { METRIC_MODELS, type MetricModelId } from './registry.js';

/** Folder of metric models inside the data directory. */
export const METRIC_MODELS_FOLDER = path.join('models', 'metrics');

/** Presence of one model. */
export interface MetricModelStatus {
  readonly id: MetricModelId;
  readonly folder: string;
  readonly present: boolean;
  /** Files the folder lacks (empty when present). */
  readonly missing: ReadonlyArray<string>;
}

/** The folder of a model. */
export function modelFolder(dataDir: string, id: MetricModelId): string {
  return path.join(dataDir, METRIC_MODELS_FOLDER, id);
}

/** Every file a model's folder must hold. */
export function requiredFiles(id: MetricModelId): ReadonlyArray<string> {
  const spec = METRIC_MODELS[id];
  return [...spec.onnx.map((f) => f.file), ...spec.extraFiles];
}

/** Whether a model is present, and what is missing. */
export function modelStatus(dataDir: string, id: MetricModelId): MetricModelStatus {
  const folder = modelFolder(dataDir, id);
  const missing = requiredFiles(id).filter((file) => !existsSync(path.join(folder, file)));
  return { id, folder, present: missing.length === 0, missing };
}

/** The error a metric reports when its model is missing: names the model and what to do. */
export class MissingModelError extends Error {
  constructor(readonly status: MetricModelStatus) {
    const spec = METRIC_MODELS[status.id];
    super(
      `the ${spec.name} model (${status.id}) is not installed: ${status.folder} lacks ${status.missing.join(', ')}. ` +
        `Export it with resources/metrics/export_models.py and import the folder (vcheck metrics import-model ${status.id} DIR).`,
    );
    this.name = 'MissingModelError';
  }
}

/** Throws {@link MissingModelError} unless the model is present; returns its folder. */
export function requireModel(dataDir: string, id: MetricModelId): string {
  const status = modelStatus(dataDir, id);
  if (!status.present) throw new MissingModelError(status);
  return status.folder;
}

/** sha256 of a file, streamed (model files are hundreds of MB). */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Copies a model folder into the data directory after checking it has every required file (the
 * signature is checked when a session opens). Replaces a previous copy.
 */
export async function importModelFolder(
  dataDir: string,
  id: MetricModelId,
  source: string,
): Promise<MetricModelStatus> {
  const lacking = requiredFiles(id).filter((file) => !existsSync(path.join(source, file)));
  if (lacking.length > 0)
    throw new Error(`${source} is not a ${id} model folder: it lacks ${lacking.join(', ')}`);
  const folder = modelFolder(dataDir, id);
  await rm(folder, { recursive: true, force: true });
  await mkdir(path.dirname(folder), { recursive: true });
  await cp(source, folder, { recursive: true });
  return modelStatus(dataDir, id);
}
