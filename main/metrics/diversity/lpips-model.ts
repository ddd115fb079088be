/**
 * The LPIPS model of the `lpips-alex` slot: distances between image pairs, batched by size. Pairs
 * of different sizes are compared after resizing the second image to the first's size (Pillow
 * bicubic), as recorded in LPIPS_PREPROCESSING.
 */
import path from 'node:path';
import { requireModel } from '../models/model-files.js';
import { openMetricSession, type ExecutionProvider } from '../models/onnx-session.js';
import { METRIC_MODELS } from '../models/registry.js';
import { lpipsInput } from '../preprocess/image-tensors.js';
import type { RgbImage } from '../preprocess/png-decode.js';

/** Pairs per model call. */
const BATCH = 16;

/** An open LPIPS model. */
export interface LpipsModel {
  readonly id: 'lpips-alex';
  readonly sha256: string;
  readonly provider: ExecutionProvider;
  /** One distance per pair, in order. */
  distances(pairs: ReadonlyArray<readonly [RgbImage, RgbImage]>): Promise<number[]>;
  release(): Promise<void>;
}

/** Opens the installed LPIPS model (throws MissingModelError when it is not installed). */
export async function openLpips(dataDir: string): Promise<LpipsModel> {
  const spec = METRIC_MODELS['lpips-alex'].onnx[0]!;
  const session = await openMetricSession(path.join(requireModel(dataDir, 'lpips-alex'), spec.file), spec);
  const runBatch = async (batch: ReadonlyArray<readonly [RgbImage, RgbImage]>): Promise<Float32Array> => {
    const { width, height } = batch[0]![0];
    const size = { width, height };
    const per = 3 * width * height;
    const a = new Float32Array(batch.length * per);
    const b = new Float32Array(batch.length * per);
    batch.forEach(([x, y], i) => {
      a.set(lpipsInput(x, size), i * per);
      b.set(lpipsInput(y, size), i * per);
    });
    const dims = [batch.length, 3, height, width];
    const out = await session.run({
      image_a: { type: 'float32', data: a, dims },
      image_b: { type: 'float32', data: b, dims },
    });
    return out['distance']!.data;
  };
  return {
    id: 'lpips-alex',
    sha256: session.sha256,
    provider: session.provider,
    distances: async (pairs) => {
      const result = new Array<number>(pairs.length);
      // Group by the first image's size: a batch must share H and W.
      const groups = new Map<string, number[]>();
      pairs.forEach(([x], i) => {
        const key = `${x.width}x${x.height}`;
        const group = groups.get(key);
        if (group) group.push(i);
        else groups.set(key, [i]);
      });
      for (const indices of groups.values())
        for (let start = 0; start < indices.length; start += BATCH) {
          const chunk = indices.slice(start, start + BATCH);
          const values = await runBatch(chunk.map((i) => pairs[i]!));
          chunk.forEach((i, k) => (result[i] = values[k]!));
        }
      return result;
    },
    release: () => session.release(),
  };
}
