import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MissingModelError, modelStatus, requireModel } from '../../../main/metrics/models/model-files.js';
import { openMetricSession } from '../../../main/metrics/models/onnx-session.js';
import { METRIC_MODELS } from '../../../main/metrics/models/registry.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { seededWeights } from '../../fixtures/onnx/seeded-weights.js';
import {
  encodeImagesReference,
  tinyEncoderModel,
  tinyEncoderWeights,
} from '../../fixtures/onnx/tiny-image-encoder.js';
import { lpipsReference, tinyLpipsModel, tinyLpipsWeights } from '../../fixtures/onnx/tiny-lpips.js';

const tmp = tempDataDir('vcheck-onnx-');
afterAll(() => tmp.cleanup());

function write(name: string, bytes: Buffer): string {
  const file = path.join(tmp.dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return file;
}

/** Largest error relative to the largest magnitude (ORT accumulates in float32, the reference in float64). */
function expectNear(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  let scale = 0;
  let error = 0;
  for (let i = 0; i < actual.length; i++) {
    scale = Math.max(scale, Math.abs(expected[i]!));
    error = Math.max(error, Math.abs(actual[i]! - expected[i]!));
  }
  expect(error / scale).toBeLessThanOrEqual(tolerance);
}

describe('tiny ONNX models with the real signatures run in onnxruntime-node', () => {
  it('FID Inception stand-in: images [N,3,299,299] → features [N,2048] matches plain JS', async () => {
    const weights = tinyEncoderWeights({
      inputName: 'images',
      outputName: 'features',
      size: 299,
      outDim: 2048,
      stride: 4,
    });
    const file = write('inception.onnx', tinyEncoderModel(weights));
    const session = await openMetricSession(file, METRIC_MODELS['fid-inception'].onnx[0]!);
    expect(session.provider).toBe('cpu');
    expect(session.sha256).toMatch(/^[0-9a-f]{64}$/);
    const images = seededWeights(2 * 3 * 299 * 299, 77, 127.5).map((v) => v + 127.5);
    const out = await session.run({ images: { type: 'float32', data: images, dims: [2, 3, 299, 299] } });
    expect(out['features']!.dims).toEqual([2, 2048]);
    expectNear(out['features']!.data, encodeImagesReference(weights, images, 2), 1e-6);
    await session.release();
  });

  it('LPIPS stand-in: two [N,3,H,W] batches in [-1,1] → distance [N] matches plain JS', async () => {
    const weights = tinyLpipsWeights();
    const file = write('lpips.onnx', tinyLpipsModel(weights));
    const session = await openMetricSession(file, METRIC_MODELS['lpips-alex'].onnx[0]!);
    const a = seededWeights(3 * 3 * 20 * 24, 1, 1);
    const b = seededWeights(3 * 3 * 20 * 24, 2, 1);
    const out = await session.run({
      image_a: { type: 'float32', data: a, dims: [3, 3, 20, 24] },
      image_b: { type: 'float32', data: b, dims: [3, 3, 20, 24] },
    });
    const per = 3 * 20 * 24;
    const expected = [0, 1, 2].map((i) =>
      lpipsReference(weights, a.subarray(i * per, (i + 1) * per), b.subarray(i * per, (i + 1) * per), 20, 24),
    );
    expect(out['distance']!.dims).toEqual([3]);
    expectNear(out['distance']!.data, expected, 1e-6);
    await session.release();
  });

  it('refuses a model whose signature differs from the registry, naming the mismatch', async () => {
    const weights = tinyEncoderWeights({ inputName: 'x', outputName: 'features', size: 299, outDim: 2048 });
    const file = write('wrong.onnx', tinyEncoderModel(weights));
    await expect(openMetricSession(file, METRIC_MODELS['fid-inception'].onnx[0]!)).rejects.toThrow(
      /missing images float32\[batch,3,299,299\] \(has x\)/,
    );
    const small = tinyEncoderWeights({ inputName: 'images', outputName: 'features', size: 64, outDim: 2048 });
    await expect(
      openMetricSession(
        write('small.onnx', tinyEncoderModel(small)),
        METRIC_MODELS['fid-inception'].onnx[0]!,
      ),
    ).rejects.toThrow(/images float32\[batch_size,3,64,64\] should be images float32\[batch,3,299,299\]/);
  });

  it('a missing model is a clear error naming the model and the files', () => {
    const status = modelStatus(tmp.dir, 'clip-vit-b32');
    expect(status.present).toBe(false);
    expect(status.missing).toContain('onnx/vision_model.onnx');
    expect(() => requireModel(tmp.dir, 'fid-inception')).toThrow(MissingModelError);
    expect(() => requireModel(tmp.dir, 'fid-inception')).toThrow(/FID Inception.*not installed.*model\.onnx/);
  });
});
