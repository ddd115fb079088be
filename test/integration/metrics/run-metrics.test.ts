import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricRecord } from '../../../shared/metrics.js';
import { clipInput, inceptionInput, lpipsInput } from '../../../main/metrics/preprocess/image-tensors.js';
import { decodePng } from '../../../main/metrics/preprocess/png-decode.js';
import { openStore } from '../../../main/store/store.js';
import { CONCEPTS, SAMPLES, samplePngs, seedRun } from '../../fixtures/metrics/seeded-run.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { cosine, embedTextsReference } from '../../fixtures/onnx/tiny-clip-text.js';
import { writeTinyClipFolder, type TinyClip } from '../../fixtures/onnx/tiny-clip-folder.js';
import { referenceTokenIds } from '../../fixtures/onnx/tiny-clip-tokenizer.js';
import { writeNpy } from '../../fixtures/npy/npy-file.js';
import { FID_REFERENCE_SVD, pythonJson } from '../../fixtures/npy/python-reference.js';
import {
  encodeImagesReference,
  tinyEncoderModel,
  tinyEncoderWeights,
} from '../../fixtures/onnx/tiny-image-encoder.js';
import { lpipsReference, tinyLpipsModel, tinyLpipsWeights } from '../../fixtures/onnx/tiny-lpips.js';
import { makePng } from '../../fixtures/png.js';
import { runCli } from '../cli/cli-process.js';

const tmp = tempDataDir('vcheck-run-metrics-');
afterAll(() => tmp.cleanup());
const pngs = samplePngs();
let clip: TinyClip;
const lpips = tinyLpipsWeights();
let runId = '';

beforeAll(() => {
  const models = path.join(tmp.dir, 'models', 'metrics');
  clip = writeTinyClipFolder(path.join(models, 'clip-vit-b32'));
  mkdirSync(path.join(models, 'lpips-alex'), { recursive: true });
  writeFileSync(path.join(models, 'lpips-alex', 'model.onnx'), tinyLpipsModel(lpips));
  runId = seedRun(tmp.dir, pngs);
});

describe('vcheck metrics compute / show on a seeded run (tiny CLIP and LPIPS, real store)', () => {
  let records: MetricRecord[] = [];

  it('computes fidelity and diversity through the engine and stores them with provenance', async () => {
    const run = await runCli(['--data-dir', tmp.dir, 'metrics', 'compute', runId, '--seed', '3', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { images: number; names: string[] };
    expect(summary.images).toBe(5);
    expect(summary.names).toEqual(['fidelity.percentile', 'clip.score', 'diversity.lpips']);
    const shown = await runCli(['--data-dir', tmp.dir, 'metrics', 'show', runId, '--json']);
    records = JSON.parse(shown.stdout) as MetricRecord[];
    expect(records.length).toBeGreaterThan(10);
  });

  it('fidelity percentiles equal an independent computation from reference embeddings', () => {
    const images = pngs.map((png) => clipInput(decodePng(png)));
    const batch = new Float32Array(images.length * images[0]!.length);
    images.forEach((x, i) => batch.set(x, i * x.length));
    const imageEmbeddings = encodeImagesReference(clip.vision, batch, images.length);
    const tokens = CONCEPTS.map((c) => referenceTokenIds(c.text));
    const texts = embedTextsReference(
      clip.text,
      tokens.map((t) => t.ids),
      tokens.map((t) => t.mask),
    );
    const perSample = records.filter((r) => r.scope === 'sample' && r.name === 'fidelity.percentile');
    expect(perSample).toHaveLength(5);
    SAMPLES.forEach(([concept], i) => {
      const image = imageEmbeddings.subarray(i * 8, (i + 1) * 8);
      const candidates = CONCEPTS.map((c, idx) => ({ c, idx })).filter(
        ({ c }) => c.category === CONCEPTS[concept]!.category,
      );
      const sims = candidates.map(({ idx }) => cosine(image, texts[idx]!));
      const own = cosine(image, texts[concept]!);
      const lower = sims.filter((s) => s < own - 1e-6).length;
      const expected = candidates.length === 1 ? 100 : (100 * lower) / (candidates.length - 1);
      const record = perSample[i]!;
      expect(record.value).toBeCloseTo(expected, 6);
      const score = records.find((r) => r.name === 'clip.score' && r.scopeKey === record.scopeKey)!;
      expect(score.value!).toBeCloseTo(own, 5);
      expect(record.provenance).toMatchObject({
        metric: 'fidelity.percentile',
        model: { id: 'clip-vit-b32' },
        preprocessing: { id: 'clip-hf-bicubic-224-v1' },
        n: { candidates: candidates.length },
      });
    });
    const dog = perSample[4]!;
    expect(dog.provenance.warnings.join(' ')).toMatch(/one concept in the category/);
  });

  it('diversity of the concept drawn three times equals the mean reference LPIPS of its 3 pairs', () => {
    const group = records.filter((r) => r.name === 'diversity.lpips' && r.scope === 'concept');
    expect(group.map((r) => r.scopeKey)).toEqual(['k0|m1|svg']); // the others have one image each
    const inputs = [0, 1, 2].map((i) => lpipsInput(decodePng(pngs[i]!)));
    const distances = [
      [0, 1],
      [0, 2],
      [1, 2],
    ].map(([x, y]) => lpipsReference(lpips, inputs[x!]!, inputs[y!]!, 24, 32));
    expect(group[0]!.value!).toBeCloseTo(distances.reduce((s, d) => s + d, 0) / 3, 6);
    expect(group[0]!.provenance).toMatchObject({
      n: { images: 3, pairs: 3 },
      seed: 3,
      settings: { collapsed: false },
    });
  });

  it('aggregates per category, model, language and run carry bootstrap intervals', () => {
    const run = records.find((r) => r.scope === 'run' && r.name === 'fidelity.percentile')!;
    const samples = records.filter((r) => r.scope === 'sample' && r.name === 'fidelity.percentile');
    expect(run.value).toBeCloseTo(samples.reduce((s, r) => s + r.value!, 0) / 5, 12);
    expect(run.provenance.n).toEqual({ items: 5 });
    expect(run.provenance.settings['ciLow']).toBeLessThanOrEqual(run.value!);
    expect(run.provenance.settings['ciHigh']).toBeGreaterThanOrEqual(run.value!);
    const scopes = new Set(
      records.filter((r) => r.name === 'fidelity.percentile').map((r) => `${r.scope}:${r.scopeKey}`),
    );
    for (const key of ['category:shape', 'category:animal', 'model:m1', 'language:svg', 'concept:k0|m1|svg'])
      expect(scopes.has(key)).toBe(true);
  });

  it('recomputing replaces scores; show prints CSV; text embeddings were cached per dataset version', async () => {
    const again = await runCli([
      '--data-dir',
      tmp.dir,
      'metrics',
      'compute',
      runId,
      '--no-diversity',
      '--seed',
      '3',
    ]);
    expect(again.code, again.stderr).toBe(0);
    const csv = await runCli(['--data-dir', tmp.dir, 'metrics', 'show', runId, '--csv']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('scope,key,name,value,ci_low,ci_high,n,warnings');
    expect(lines.filter((l) => l.startsWith('run,'))).toHaveLength(3); // clip.score, diversity, fidelity
    const store = openStore({ dataDir: tmp.dir });
    const count = (sql: string): number => (store.db.prepare(sql).get() as { n: number }).n;
    expect(count("SELECT COUNT(*) AS n FROM metrics WHERE scope = 'sample'")).toBe(10);
    expect(count('SELECT COUNT(*) AS n FROM metric_text_embeddings')).toBe(4);
    store.close();
  });

  it('realism: FID/KID of the run against a reference folder equals numpy on reference features', async () => {
    const inception = tinyEncoderWeights({
      inputName: 'images',
      outputName: 'features',
      size: 299,
      outDim: 2048,
      stride: 4,
    });
    const modelDir = path.join(tmp.dir, 'models', 'metrics', 'fid-inception');
    mkdirSync(modelDir, { recursive: true });
    writeFileSync(path.join(modelDir, 'model.onnx'), tinyEncoderModel(inception));
    const reference = path.join(tmp.dir, 'reference');
    mkdirSync(reference, { recursive: true });
    const refPngs = Array.from({ length: 6 }, (_, i) => makePng(40, 30, 100 + i));
    refPngs.forEach((png, i) => writeFileSync(path.join(reference, `r${i}.png`), png));

    const run = await runCli([
      '--data-dir',
      tmp.dir,
      'metrics',
      'compute',
      runId,
      '--no-fidelity',
      '--no-diversity',
      '--reference',
      reference,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { names: string[] }).names).toEqual(['realism.fid', 'realism.kid']);
    const shown = await runCli(['--data-dir', tmp.dir, 'metrics', 'show', runId, '--json']);
    const all = JSON.parse(shown.stdout) as MetricRecord[];
    const fid = all.find((r) => r.name === 'realism.fid')!;

    const features = (list: ReadonlyArray<Buffer>, name: string): string => {
      const inputs = list.map((png) => inceptionInput(decodePng(png)));
      const batch = new Float32Array(inputs.length * inputs[0]!.length);
      inputs.forEach((x, i) => batch.set(x, i * x.length));
      const file = path.join(tmp.dir, `${name}.npy`);
      writeNpy(file, [list.length, 2048], encodeImagesReference(inception, batch, list.length));
      return file;
    };
    const expected = pythonJson<number>(FID_REFERENCE_SVD, [features(pngs, 'run'), features(refPngs, 'ref')]);
    expect(Math.abs(fid.value! - expected) / expected).toBeLessThanOrEqual(1e-4);
    expect(fid.provenance).toMatchObject({
      model: { id: 'fid-inception' },
      preprocessing: { id: 'clean-fid-bicubic-299-v1' },
      n: { run: 5, reference: 6 },
      settings: { route: 'nuclear-norm', referenceCached: false },
    });
    expect(fid.provenance.warnings.join(' ')).toMatch(/small N/);
    const kid = all.find((r) => r.name === 'realism.kid')!;
    expect(kid.provenance.settings).toMatchObject({ subsets: 100, subsetSize: 5 });
    // Fidelity and diversity scores from before are kept (only realism was recomputed).
    expect(all.some((r) => r.name === 'fidelity.percentile')).toBe(true);
  });
});
