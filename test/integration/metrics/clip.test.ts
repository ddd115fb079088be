import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClip, type ClipModel } from '../../../main/metrics/models/clip.js';
import { clipInput } from '../../../main/metrics/preprocess/image-tensors.js';
import { decodePng } from '../../../main/metrics/preprocess/png-decode.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { embedTextsReference } from '../../fixtures/onnx/tiny-clip-text.js';
import { writeTinyClipFolder, type TinyClip } from '../../fixtures/onnx/tiny-clip-folder.js';
import { TINY_BOS, TINY_EOS, tinyClipVocab } from '../../fixtures/onnx/tiny-clip-tokenizer.js';
import { encodeImagesReference } from '../../fixtures/onnx/tiny-image-encoder.js';
import { makePng } from '../../fixtures/png.js';

const tmp = tempDataDir('vcheck-clip-');
let weights: TinyClip;
let clip: ClipModel;

beforeAll(async () => {
  weights = writeTinyClipFolder(path.join(tmp.dir, 'models', 'metrics', 'clip-vit-b32'));
  clip = await openClip(tmp.dir);
});
afterAll(async () => {
  await clip.release();
  tmp.cleanup();
});

function relativeMaxError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let scale = 0;
  let error = 0;
  for (let i = 0; i < expected.length; i++) {
    scale = Math.max(scale, Math.abs(expected[i]!));
    error = Math.max(error, Math.abs(actual[i]! - expected[i]!));
  }
  return error / scale;
}

/** A padded row of 77 ids with its mask. */
function row(ids: number[]): { ids: number[]; mask: number[] } {
  return {
    ids: [...ids, ...new Array<number>(77 - ids.length).fill(TINY_EOS)],
    mask: [...new Array<number>(ids.length).fill(1), ...new Array<number>(77 - ids.length).fill(0)],
  };
}

describe('CLIP from a transformers.js folder (tiny generated model)', () => {
  it('tokenizes like CLIP (normalise, BPE merges, </w>, start/end tokens) and embeds texts', async () => {
    const v = tinyClipVocab();
    const { embeddings, truncated } = await clip.embedTexts(['A red  cat!', 'cab']);
    expect(truncated).toEqual([false, false]);
    // Worked out by hand: "a red cat !" → a</w>, red</w> (merges r+e, re+d</w>), cat</w>, !</w>.
    const first = row([TINY_BOS, v['a</w>']!, v['red</w>']!, v['cat</w>']!, v['!</w>']!, TINY_EOS]);
    // "cab" → ca (merge c+a), b</w>.
    const second = row([TINY_BOS, v['ca']!, v['b</w>']!, TINY_EOS]);
    const expected = embedTextsReference(weights.text, [first.ids, second.ids], [first.mask, second.mask]);
    expect(relativeMaxError(embeddings[0]!, expected[0]!)).toBeLessThanOrEqual(1e-6);
    expect(relativeMaxError(embeddings[1]!, expected[1]!)).toBeLessThanOrEqual(1e-6);
  });

  it('flags texts cut at 77 tokens (the model sees the first 75 plus start and end)', async () => {
    const long = 'red '.repeat(80).trim();
    const { embeddings, truncated } = await clip.embedTexts([long, 'red']);
    expect(truncated).toEqual([true, false]);
    const v = tinyClipVocab();
    const cut = {
      ids: [TINY_BOS, ...new Array<number>(75).fill(v['red</w>']!), TINY_EOS],
      mask: new Array<number>(77).fill(1),
    };
    const [expected] = embedTextsReference(weights.text, [cut.ids], [cut.mask]);
    expect(relativeMaxError(embeddings[0]!, expected!)).toBeLessThanOrEqual(1e-6);
  });

  it('embeds images after CLIP preprocessing, in batches', async () => {
    const images = Array.from({ length: 18 }, (_, i) => decodePng(makePng(40 + i, 30, i + 3)));
    const embeddings = await clip.embedImages(images);
    expect(embeddings).toHaveLength(18);
    const inputs = new Float32Array(18 * 3 * 224 * 224);
    images.forEach((image, i) => inputs.set(clipInput(image), i * 3 * 224 * 224));
    const expected = encodeImagesReference(weights.vision, inputs, 18);
    expect(
      relativeMaxError(
        embeddings.flatMap((e) => Array.from(e)),
        expected,
      ),
    ).toBeLessThanOrEqual(1e-6);
    expect(clip.sha256.vision).toMatch(/^[0-9a-f]{64}$/);
  });
});
