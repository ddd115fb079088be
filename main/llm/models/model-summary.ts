/** A model as the faces show it: the stored row, its header facts and whether it fits in memory. */
import { freemem } from 'node:os';
import type { LlmModelView, ModelMemoryView } from '../../../shared/llm.js';
import type { LlmModelRow } from '../../store/repos/llm-models-repo.js';
import type { GgufModelInfo } from '../gguf/gguf-info.js';
import { estimateMemory, memoryFit } from '../memory-fit.js';

/** One model of the manager (the view the faces get). */
export type ModelSummary = LlmModelView;

/** The context size the estimate assumes: the model's own, capped like the embedded provider's default. */
export const ESTIMATE_CONTEXT = 4096;

/** Memory estimate of a model against the free RAM of this machine now. */
export function modelMemory(info: GgufModelInfo, availableBytes: number = freemem()): ModelMemoryView {
  const contextSize = Math.min(info.contextLength ?? ESTIMATE_CONTEXT, ESTIMATE_CONTEXT);
  const fit = memoryFit(estimateMemory(info, contextSize), availableBytes);
  return { contextSize, totalBytes: fit.estimate.totalBytes, fits: fit.fits, message: fit.message };
}

/** The summary of a stored row. */
export function modelSummary(row: LlmModelRow): ModelSummary {
  const info = row.infoJson ? (JSON.parse(row.infoJson) as GgufModelInfo) : null;
  return {
    id: row.id,
    name: row.name,
    path: row.path,
    storage: row.storage,
    status: row.status,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    sourceUrl: row.sourceUrl,
    error: row.error,
    info,
    memory: info ? modelMemory(info) : null,
    createdAt: row.createdAt,
  };
}
