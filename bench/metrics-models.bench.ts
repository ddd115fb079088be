/**
 * Metric model throughput with the tiny generated models (the real ones on a machine that has
 * them: point VCHECK_DATA_DIR at a data dir with models/metrics/… installed). CLIP images/s
 * (preprocessing included: Pillow-exact bicubic resize, crop, normalise) and LPIPS pairs/s at
 * batch sizes 1, 16 and 64; the ratio is against batch 1, measured in the same process.
 *
 * Run: npx tsx bench/metrics-models.bench.ts
 */
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { openMetricSession } from '../main/metrics/models/onnx-session.js';
import { METRIC_MODELS } from '../main/metrics/models/registry.js';
import { CLIP_SIZE, clipInput, lpipsInput } from '../main/metrics/preprocess/image-tensors.js';
import { decodePng } from '../main/metrics/preprocess/png-decode.js';
import { tempDataDir } from '../test/fixtures/data-dir.js';
import { writeTinyClipFolder } from '../test/fixtures/onnx/tiny-clip-folder.js';
import { tinyLpipsModel, tinyLpipsWeights } from '../test/fixtures/onnx/tiny-lpips.js';
import { makePng } from '../test/fixtures/png.js';

const BATCHES = [1, 16, 64];
const ITEMS = 128;
const tmp = tempDataDir('vcheck-bench-models-');
try {
  const clipDir = path.join(tmp.dir, 'clip');
  writeTinyClipFolder(clipDir);
  const lpipsFile = path.join(tmp.dir, 'lpips', 'model.onnx');
  mkdirSync(path.dirname(lpipsFile), { recursive: true });
  writeFileSync(lpipsFile, tinyLpipsModel(tinyLpipsWeights()));
  const spec = METRIC_MODELS['clip-vit-b32'].onnx[0]!;
  const vision = await openMetricSession(path.join(clipDir, spec.file), spec);
  const lpips = await openMetricSession(lpipsFile, METRIC_MODELS['lpips-alex'].onnx[0]!);
  const images = Array.from({ length: ITEMS }, (_, i) => decodePng(makePng(256, 256, i + 1)));

  const clipRate = async (batch: number): Promise<number> => {
    const start = performance.now();
    for (let at = 0; at < ITEMS; at += batch) {
      const chunk = images.slice(at, at + batch).map((image) => clipInput(image));
      const data = new Float32Array(chunk.length * 3 * CLIP_SIZE * CLIP_SIZE);
      chunk.forEach((x, i) => data.set(x, i * x.length));
      await vision.run({
        pixel_values: { type: 'float32', data, dims: [chunk.length, 3, CLIP_SIZE, CLIP_SIZE] },
      });
    }
    return ITEMS / ((performance.now() - start) / 1000);
  };
  const lpipsRate = async (batch: number): Promise<number> => {
    const start = performance.now();
    const per = 3 * 256 * 256;
    for (let at = 0; at < ITEMS; at += batch) {
      const n = Math.min(batch, ITEMS - at);
      const a = new Float32Array(n * per);
      const b = new Float32Array(n * per);
      for (let i = 0; i < n; i++) {
        a.set(lpipsInput(images[at + i]!), i * per);
        b.set(lpipsInput(images[(at + i + 1) % ITEMS]!), i * per);
      }
      const dims = [n, 3, 256, 256];
      await lpips.run({
        image_a: { type: 'float32', data: a, dims },
        image_b: { type: 'float32', data: b, dims },
      });
    }
    return ITEMS / ((performance.now() - start) / 1000);
  };

  await clipRate(4); // warm-up
  console.log('| measure (tiny models, 256×256 PNGs, CPU) | batch | rate | ratio vs batch 1 |');
  console.log('|---|---|---|---|');
  for (const [name, unit, rate] of [
    ['CLIP vision incl. preprocessing', 'images/s', clipRate],
    ['LPIPS incl. [-1,1] conversion', 'pairs/s', lpipsRate],
  ] as const) {
    const base = await rate(1);
    for (const batch of BATCHES) {
      const value = batch === 1 ? base : await rate(batch);
      console.log(`| ${name} | ${batch} | ${value.toFixed(1)} ${unit} | ${(value / base).toFixed(2)}x |`);
    }
  }
  await vision.release();
  await lpips.release();
} finally {
  tmp.cleanup();
}
