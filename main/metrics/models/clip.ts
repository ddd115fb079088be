/**
 * The CLIP model of the `clip-vit-b32` slot: image and text embeddings from the ONNX towers of a
 * transformers.js folder, with the reference preprocessing (see preprocess/image-tensors.ts) and
 * tokenizer. Embeddings are returned as the model gives them; similarities are cosines.
 */
import path from 'node:path';
import { CLIP_SIZE, clipInput } from '../preprocess/image-tensors.js';
import type { RgbImage } from '../preprocess/png-decode.js';
import { CLIP_CONTEXT, loadClipTokenizer } from './clip-tokenizer.js';
import { requireModel } from './model-files.js';
import { openMetricSession, type ExecutionProvider } from './onnx-session.js';
import { METRIC_MODELS } from './registry.js';

/** Items per model call. */
const BATCH = 16;

/** An open CLIP model. */
export interface ClipModel {
  readonly id: 'clip-vit-b32';
  /** sha256 of the vision and text ONNX files (provenance). */
  readonly sha256: { readonly vision: string; readonly text: string };
  readonly provider: ExecutionProvider;
  embedImages(images: ReadonlyArray<RgbImage>): Promise<Float32Array[]>;
  embedTexts(texts: ReadonlyArray<string>): Promise<{ embeddings: Float32Array[]; truncated: boolean[] }>;
  release(): Promise<void>;
}

/** Rows of a [n, d] output. */
function rows(data: Float32Array, n: number): Float32Array[] {
  const d = data.length / n;
  return Array.from({ length: n }, (_, i) => Float32Array.from(data.subarray(i * d, (i + 1) * d)));
}

/** Opens the installed CLIP model (throws MissingModelError when it is not installed). */
export async function openClip(dataDir: string): Promise<ClipModel> {
  const folder = requireModel(dataDir, 'clip-vit-b32');
  const [visionSpec, textSpec] = METRIC_MODELS['clip-vit-b32'].onnx;
  const vision = await openMetricSession(path.join(folder, visionSpec!.file), visionSpec!);
  const text = await openMetricSession(path.join(folder, textSpec!.file), textSpec!);
  const tokenizer = await loadClipTokenizer(folder);
  return {
    id: 'clip-vit-b32',
    sha256: { vision: vision.sha256, text: text.sha256 },
    provider: vision.provider,
    embedImages: async (images) => {
      const out: Float32Array[] = [];
      for (let start = 0; start < images.length; start += BATCH) {
        const batch = images.slice(start, start + BATCH).map((image) => clipInput(image));
        const data = new Float32Array(batch.length * 3 * CLIP_SIZE * CLIP_SIZE);
        batch.forEach((x, i) => data.set(x, i * x.length));
        const result = await vision.run({
          pixel_values: { type: 'float32', data, dims: [batch.length, 3, CLIP_SIZE, CLIP_SIZE] },
        });
        out.push(...rows(result['image_embeds']!.data, batch.length));
      }
      return out;
    },
    embedTexts: async (texts) => {
      const embeddings: Float32Array[] = [];
      const truncated: boolean[] = [];
      for (let start = 0; start < texts.length; start += BATCH) {
        const chunk = texts.slice(start, start + BATCH);
        const tokens = tokenizer.tokenize(chunk);
        const dims = [chunk.length, CLIP_CONTEXT];
        const result = await text.run({
          input_ids: { type: 'int64', data: tokens.inputIds, dims },
          attention_mask: { type: 'int64', data: tokens.attentionMask, dims },
        });
        embeddings.push(...rows(result['text_embeds']!.data, chunk.length));
        truncated.push(...tokens.truncated);
      }
      return { embeddings, truncated };
    },
    release: async () => {
      await vision.release();
      await text.release();
    },
  };
}
