import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MetricModelView } from '../../../shared/metrics.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { tinyEncoderModel, tinyEncoderWeights } from '../../fixtures/onnx/tiny-image-encoder.js';
import { runCli } from '../cli/cli-process.js';

const tmp = tempDataDir('vcheck-models-cli-');
afterAll(() => tmp.cleanup());
const dataDir = path.join(tmp.dir, 'data');

describe('vcheck metrics models / import-model', () => {
  it('lists the registry, imports an exported folder, and refuses unknown ids', async () => {
    const source = path.join(tmp.dir, 'export', 'fid-inception');
    mkdirSync(source, { recursive: true });
    const weights = tinyEncoderWeights({
      inputName: 'images',
      outputName: 'features',
      size: 299,
      outDim: 2048,
    });
    writeFileSync(path.join(source, 'model.onnx'), tinyEncoderModel(weights));

    const imported = await runCli([
      '--data-dir',
      dataDir,
      'metrics',
      'import-model',
      'fid-inception',
      source,
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^Imported fid-inception into .*models\/metrics\/fid-inception\n$/);

    const listed = await runCli(['--data-dir', dataDir, 'metrics', 'models', '--json']);
    const models = JSON.parse(listed.stdout) as MetricModelView[];
    expect(models.map((m) => [m.id, m.present])).toEqual([
      ['fid-inception', true],
      ['lpips-alex', false],
      ['clip-vit-b32', false],
    ]);
    expect(models[2]!.missing).toContain('tokenizer.json');

    const unknown = await runCli(['--data-dir', dataDir, 'metrics', 'import-model', 'vgg', source]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /^vcheck: validation: unknown metric model vgg \(known: fid-inception, lpips-alex, clip-vit-b32\)/,
    );
  });
});
