import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkModels } from '../../../../main/doctor/checks-environment.js';
import {
  importModelFolder,
  modelStatus,
  requiredFiles,
} from '../../../../main/metrics/models/model-files.js';
import { METRIC_MODEL_IDS, METRIC_MODELS } from '../../../../main/metrics/models/registry.js';
import { tempDataDir } from '../../../fixtures/data-dir.js';

const tmp = tempDataDir('vcheck-models-');
afterAll(() => tmp.cleanup());

describe('metric model registry and folders', () => {
  it('every model names its source, licence, version and the signature a file must have', () => {
    for (const id of METRIC_MODEL_IDS) {
      const spec = METRIC_MODELS[id];
      expect(spec.id).toBe(id);
      expect(spec.sourceUrl).toMatch(/^https:\/\//);
      expect(spec.license.length).toBeGreaterThan(3);
      expect(spec.onnx.every((f) => f.inputs.length > 0 && f.outputs.length > 0)).toBe(true);
    }
    expect(requiredFiles('clip-vit-b32')).toEqual([
      'onnx/vision_model.onnx',
      'onnx/text_model.onnx',
      'config.json',
      'preprocessor_config.json',
      'tokenizer.json',
      'tokenizer_config.json',
    ]);
  });

  it('imports a complete folder, refuses an incomplete one, and the doctor reports which are present', async () => {
    const dataDir = path.join(tmp.dir, 'data');
    const source = path.join(tmp.dir, 'lpips-export');
    mkdirSync(source, { recursive: true });
    await expect(importModelFolder(dataDir, 'lpips-alex', source)).rejects.toThrow(/lacks model\.onnx/);
    writeFileSync(path.join(source, 'model.onnx'), 'onnx bytes');
    const status = await importModelFolder(dataDir, 'lpips-alex', source);
    expect(status.present).toBe(true);
    expect(modelStatus(dataDir, 'fid-inception').missing).toEqual(['model.onnx']);
    const doctor = await checkModels(dataDir);
    expect(doctor.detail).toMatch(
      /^1 model file in .*; metric models: fid-inception missing, lpips-alex present, clip-vit-b32 missing$/,
    );
  });
});
