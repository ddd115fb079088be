/**
 * The built-in sample run (`runs.installSample`): real galleries before any model is configured.
 * It is a draw run over the sample dataset in all six languages, one sample each, seed 0, whose
 * model is the recorded provider over `resources/samples` (the 96 genuine answers, keyed by the
 * study's prompt exactly as the `draw` template writes it). Its row kind is `sample`, so lists can
 * tell it from the user's runs; its config is an ordinary draw config, so the run engine, reports
 * and exports treat it like any draw run. Installed once per data dir: a second call returns it.
 */
import { drawConfigSchema, RUN_CONFIG_VERSION, type DrawConfig } from '../../../shared/experiments.js';
import { RENDER_LANGUAGE_NAMES } from '../../../shared/render.js';
import type { RunDetail } from '../../../shared/runs.js';
import type { Store } from '../../store/store.js';
import type { RunService } from '../run-service.js';
import { installSampleDataset } from './sample-dataset.js';
import { BUILTIN_SAMPLES, sampleResourcesDir } from './samples-dir.js';

/** The name of the sample run. */
export const SAMPLE_RUN_NAME = 'Sample run (recorded answers)';

/** The draw config of the sample run over a dataset version and the samples folder. */
export function sampleRunConfig(datasetId: string, samplesDir: string): DrawConfig {
  return drawConfigSchema.parse({
    kind: 'draw',
    name: SAMPLE_RUN_NAME,
    datasetId,
    models: [{ provider: 'recorded', file: samplesDir, label: 'sample answers' }],
    languages: [...RENDER_LANGUAGE_NAMES],
    samples: 1,
    strategy: 'repeat',
    seed: 0,
  });
}

/** Installs and starts the sample run, or returns the one installed earlier. */
export async function installSampleRun(
  store: Store,
  runs: RunService,
  appVersion: string,
  samplesDir: string = sampleResourcesDir(),
): Promise<RunDetail> {
  const existing = store.runs.list({ limit: 1, offset: 0, kind: 'sample' }).runs[0];
  if (existing) return runs.show(existing.id);
  const datasetId = installSampleDataset(store, samplesDir);
  // The shipped folder is stored by name, so the run resumes wherever the app lives next time.
  const config = sampleRunConfig(
    datasetId,
    samplesDir === sampleResourcesDir() ? BUILTIN_SAMPLES : samplesDir,
  );
  // Written directly (not runs.create), because the row kind is `sample` while the config is a draw.
  const id = store.runs.insert({
    name: SAMPLE_RUN_NAME,
    kind: 'sample',
    config,
    configVersion: RUN_CONFIG_VERSION,
    appVersion,
    datasetId,
  });
  store.datasets.lock(datasetId);
  // A `created` run resumes by starting its first job.
  return runs.resume(id);
}
