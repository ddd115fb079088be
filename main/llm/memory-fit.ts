/** Will a model fit? A pure estimate of weights + KV cache for a context size, checked before loading. */

/** The model facts the estimate needs (a subset of GgufModelInfo). */
export interface MemoryFitModel {
  readonly fileBytes: number;
  readonly blockCount: number | null;
  readonly embeddingLength: number | null;
  readonly headCount: number | null;
  readonly headCountKv: number | null;
}

/** The estimate, in bytes. */
export interface MemoryEstimate {
  readonly weightsBytes: number;
  readonly kvCacheBytes: number;
  /** Scratch buffers of the compute graph: a rough allowance, not a measurement. */
  readonly overheadBytes: number;
  readonly totalBytes: number;
}

/** KV cache element size: llama.cpp's default cache type is F16. */
const KV_BYTES_PER_ELEMENT = 2;
const OVERHEAD_FRACTION = 0.1;
const OVERHEAD_MIN = 64 << 20;

/**
 * Estimates the memory a model needs at `contextSize` tokens (summed over all sequences of a
 * batched context): the weights as stored, plus K and V per layer per token, plus an allowance.
 */
export function estimateMemory(model: MemoryFitModel, contextSize: number): MemoryEstimate {
  const layers = model.blockCount ?? 0;
  const embd = model.embeddingLength ?? 0;
  const heads = model.headCount ?? 1;
  const kvHeads = model.headCountKv ?? heads;
  const kvWidth = heads > 0 ? (embd / heads) * kvHeads : embd;
  const kvCacheBytes = 2 * layers * contextSize * kvWidth * KV_BYTES_PER_ELEMENT;
  const weightsBytes = model.fileBytes;
  const overheadBytes = Math.max(OVERHEAD_MIN, Math.round((weightsBytes + kvCacheBytes) * OVERHEAD_FRACTION));
  return {
    weightsBytes,
    kvCacheBytes,
    overheadBytes,
    totalBytes: weightsBytes + kvCacheBytes + overheadBytes,
  };
}

/** The verdict shown before loading. */
export interface MemoryFit {
  readonly fits: boolean;
  readonly estimate: MemoryEstimate;
  readonly availableBytes: number;
  readonly message: string;
}

const gib = (b: number): string => `${(b / 2 ** 30).toFixed(2)} GiB`;

/** Compares an estimate with the available memory (free RAM, or free VRAM when offloading). */
export function memoryFit(estimate: MemoryEstimate, availableBytes: number): MemoryFit {
  const fits = estimate.totalBytes <= availableBytes;
  const message = `needs about ${gib(estimate.totalBytes)} (weights ${gib(estimate.weightsBytes)}, KV cache ${gib(
    estimate.kvCacheBytes,
  )}); ${gib(availableBytes)} available${fits ? '' : ' — it will probably not fit: use a smaller context or quantisation'}`;
  return { fits, estimate, availableBytes, message };
}
