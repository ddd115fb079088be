import { describe, expect, it } from 'vitest';
import { estimateMemory, memoryFit } from '../../../main/llm/memory-fit.js';

describe('memory fit estimate', () => {
  it('gives the well-known 2 GiB F16 KV cache of Llama-2-7B at 4096 tokens', () => {
    const model = {
      fileBytes: 3_825_065_984,
      blockCount: 32,
      embeddingLength: 4096,
      headCount: 32,
      headCountKv: 32,
    };
    const estimate = estimateMemory(model, 4096);
    expect(estimate.kvCacheBytes).toBe(2 * 2 ** 30);
    expect(estimate.weightsBytes).toBe(model.fileBytes);
    expect(estimate.totalBytes).toBeGreaterThan(estimate.weightsBytes + estimate.kvCacheBytes);
  });

  it('shrinks the cache by the grouped-query ratio (Llama-3-8B: 8 of 32 heads → 1 GiB at 8192)', () => {
    const model = { fileBytes: 4.9e9, blockCount: 32, embeddingLength: 4096, headCount: 32, headCountKv: 8 };
    expect(estimateMemory(model, 8192).kvCacheBytes).toBe(2 ** 30);
  });

  it('says whether it fits', () => {
    const estimate = estimateMemory(
      { fileBytes: 1e9, blockCount: 1, embeddingLength: 64, headCount: 1, headCountKv: 1 },
      8,
    );
    expect(memoryFit(estimate, 8e9).fits).toBe(true);
    const tight = memoryFit(estimate, 1e9);
    expect(tight.fits).toBe(false);
    expect(tight.message).toContain('not fit');
  });
});
