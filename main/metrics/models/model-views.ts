/** The registry joined with what is installed: what `metrics.models` and the UI show. */
import type { MetricModelView } from '../../../shared/metrics.js';
import { AppFailure } from '../../../shared/result.js';
import { importModelFolder, modelStatus } from './model-files.js';
import { METRIC_MODEL_IDS, METRIC_MODELS, type MetricModelId } from './registry.js';

/** Every metric model with its installation state. */
export function metricModelViews(dataDir: string): MetricModelView[] {
  return METRIC_MODEL_IDS.map((id) => {
    const spec = METRIC_MODELS[id];
    const status = modelStatus(dataDir, id);
    return {
      id,
      name: spec.name,
      version: spec.version,
      metric: spec.metric,
      sourceUrl: spec.sourceUrl,
      license: spec.license,
      folder: status.folder,
      present: status.present,
      missing: status.missing,
    };
  });
}

/** Imports a model folder; an unknown id or an incomplete folder is a validation failure. */
export async function importMetricModel(
  dataDir: string,
  id: string,
  source: string,
): Promise<MetricModelView> {
  if (!(METRIC_MODEL_IDS as ReadonlyArray<string>).includes(id))
    throw new AppFailure('validation', `unknown metric model ${id} (known: ${METRIC_MODEL_IDS.join(', ')})`);
  try {
    await importModelFolder(dataDir, id as MetricModelId, source);
  } catch (error) {
    throw new AppFailure('validation', (error as Error).message);
  }
  return metricModelViews(dataDir).find((view) => view.id === id)!;
}
