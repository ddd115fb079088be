/**
 * The GGUF model manager: import a local file (referenced where it lies, or copied into
 * <dataDir>/models), list, show, remove, and pull from a URL with resume and sha256 verification.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LlmModelRow, LlmModelsRepo } from '../../store/repos/llm-models-repo.js';
import { fileSha256 } from '../file-sha256.js';
import { readGgufModelInfo } from '../gguf/gguf-info.js';
import { DownloadError, downloadFile, type DownloadOutcome, type DownloadProgress } from './download-file.js';
import { modelSummary, type ModelSummary } from './model-summary.js';

/** A model the manager does not know. */
export class ModelNotFound extends Error {}

/** Where to pull a model from. */
export interface PullSource {
  readonly url: string;
  readonly name?: string;
  readonly expectedSha256?: string | null;
}

/** A finished pull: the model and what its hash was checked against. */
export interface PulledModel {
  readonly model: ModelSummary;
  readonly verifiedAgainst: DownloadOutcome['verifiedAgainst'];
}

const idOf = (hex: string): string => hex.slice(0, 12);
const fileName = (name: string): string =>
  name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '') || 'model.gguf';

/** GGUF models of one data directory. */
export class ModelManager {
  /** Where copies and downloads go. */
  readonly modelsDir: string;

  /** Creates the manager. */
  constructor(
    private readonly repo: LlmModelsRepo,
    dataDir: string,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    this.modelsDir = path.join(dataDir, 'models');
  }

  /** Every model, newest first. */
  list(): readonly ModelSummary[] {
    return this.repo.list().map(modelSummary);
  }

  /** A known model by id (or unique id prefix). */
  get(id: string): ModelSummary {
    const row =
      this.repo.get(id) ??
      this.repo
        .list()
        .filter((r) => r.id.startsWith(id))
        .at(0);
    if (!row) throw new ModelNotFound(`No model ${id}; see \`vcheck models list\`.`);
    return modelSummary(row);
  }

  /** Imports a GGUF file after reading its header: refuses bad files before anything is stored. */
  async import(
    file: string,
    options: { readonly copy?: boolean; readonly name?: string } = {},
  ): Promise<ModelSummary> {
    const source = path.resolve(file);
    const info = await readGgufModelInfo(source);
    const sha256 = await fileSha256(source);
    let target = source;
    if (options.copy) {
      await mkdir(this.modelsDir, { recursive: true });
      target = path.join(this.modelsDir, `${idOf(sha256)}-${fileName(path.basename(source))}`);
      await copyFile(source, target);
    }
    const now = this.now();
    const row: LlmModelRow = {
      id: idOf(sha256),
      name: options.name ?? path.basename(source),
      path: target,
      storage: options.copy ? 'copy' : 'reference',
      status: 'ready',
      sha256,
      expectedSha256: null,
      sizeBytes: info.fileBytes,
      sourceUrl: null,
      infoJson: JSON.stringify(info),
      error: null,
      createdAt: this.repo.get(idOf(sha256))?.createdAt ?? now,
      updatedAt: now,
    };
    this.repo.upsert(row);
    return modelSummary(row);
  }

  /** Forgets a model; deletes its file only when the manager owns it (a copy or a download). */
  async remove(id: string): Promise<{ readonly id: string; readonly deletedFile: string | null }> {
    const model = this.get(id);
    this.repo.delete(model.id);
    if (model.storage === 'reference') return { id: model.id, deletedFile: null };
    const files = [model.path, `${model.path}.part`];
    await Promise.all(files.map((f) => rm(f, { force: true })));
    return { id: model.id, deletedFile: model.path };
  }

  /**
   * Downloads a model into <dataDir>/models, resuming a partial file from an earlier try. The row
   * is visible while downloading and ends `ready`, or `failed` with the error and the file kept.
   */
  async pull(
    source: PullSource,
    signal?: AbortSignal,
    onProgress?: (p: DownloadProgress) => void,
  ): Promise<PulledModel> {
    const name =
      source.name ?? fileName(decodeURIComponent(new URL(source.url).pathname.split('/').pop() ?? ''));
    const pendingId = idOf(createHash('sha256').update(source.url).digest('hex'));
    const file = path.join(this.modelsDir, fileName(name));
    await mkdir(this.modelsDir, { recursive: true });
    const now = this.now();
    const pending: LlmModelRow = {
      id: pendingId,
      name,
      path: file,
      storage: 'download',
      status: 'downloading',
      sha256: null,
      expectedSha256: source.expectedSha256 ?? null,
      sizeBytes: null,
      sourceUrl: source.url,
      infoJson: null,
      error: null,
      createdAt: this.repo.get(pendingId)?.createdAt ?? now,
      updatedAt: now,
    };
    this.repo.upsert(pending);
    try {
      const outcome = await downloadFile({
        url: source.url,
        file,
        expectedSha256: pending.expectedSha256,
        ...(signal ? { signal } : {}),
        ...(onProgress ? { onProgress } : {}),
      });
      const info = await readGgufModelInfo(file);
      this.repo.delete(pendingId);
      const row: LlmModelRow = {
        ...pending,
        id: idOf(outcome.sha256),
        status: 'ready',
        sha256: outcome.sha256,
        sizeBytes: outcome.sizeBytes,
        infoJson: JSON.stringify(info),
        updatedAt: this.now(),
      };
      this.repo.upsert(row);
      return { model: modelSummary(row), verifiedAgainst: outcome.verifiedAgainst };
    } catch (error) {
      const kept = error instanceof DownloadError ? error.keptFile : file;
      const size = (await stat(kept).catch(() => null))?.size ?? null;
      this.repo.upsert({
        ...pending,
        status: 'failed',
        path: kept,
        sizeBytes: size,
        error: (error as Error).message,
        updatedAt: this.now(),
      });
      throw error;
    }
  }
}
