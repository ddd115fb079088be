/**
 * The draw experiment: every concept of the run's dataset slice, drawn by every model in every
 * language, `samples` times (`repeat`) or as `samples` functions × `settings` argument settings
 * (`param`, param/param-unit.ts). Units are planned concept by concept, so a stopped run has whole
 * concepts done rather than a thin layer of every concept. Scored by the metrics engine.
 */
import { modelLabel, type DrawConfig } from '../../../shared/experiments.js';
import type { ConceptView } from '../../../shared/datasets.js';
import { AppFailure } from '../../../shared/result.js';
import { computeRunMetrics } from '../../metrics/run/compute-run.js';
import { sampleKey } from '../../store/repos/samples-repo.js';
import type { Store } from '../../store/store.js';
import type { Experiment, ExperimentContext, ScoreCheckpoint, ScoreOutcome } from '../experiment.js';
import type { DrawUnit } from './draw-unit.js';
import { executeParamUnit } from './param/param-unit.js';
import { executeRepeatUnit } from './repeat-unit.js';

/** The concepts of a slice of a dataset version, in dataset order. */
export function sliceConcepts(store: Store, config: DrawConfig): ConceptView[] {
  const slice = config.slice;
  const categories = slice?.categories ? new Set(slice.categories) : null;
  const keys = slice?.keys ? new Set(slice.keys) : null;
  const chosen: ConceptView[] = [];
  for (const concept of store.datasets.iterateConcepts(config.datasetId)) {
    if (categories && !categories.has(concept.category)) continue;
    if (keys && !keys.has(concept.key)) continue;
    chosen.push(concept);
  }
  const offset = slice?.offset ?? 0;
  return chosen.slice(offset, slice?.limit === undefined ? undefined : offset + slice.limit);
}

/** The sample keys a unit writes. */
function unitKeys(config: DrawConfig, conceptIdx: number, label: string, language: string): string[] {
  const param = config.strategy === 'param';
  const count = param ? config.samples * config.settings : config.samples;
  return Array.from({ length: count }, (_, sampleIndex) =>
    sampleKey({ conceptIdx, model: label, language, strategy: config.strategy, sampleIndex, round: 0 }),
  );
}

/**
 * Scores a run's images with the metrics engine (fidelity, diversity, realism as configured).
 * No image to score, or no metric model installed, is a warning: the run still finishes.
 */
export async function scoreRunImages(
  ctx: ExperimentContext,
  checkpoint: ScoreCheckpoint,
): Promise<ScoreOutcome> {
  const { metrics, seed } = ctx.config;
  try {
    const summary = await computeRunMetrics(
      ctx.store,
      {
        runId: ctx.runId,
        fidelity: metrics.fidelity,
        diversity: metrics.diversity,
        seed,
        pairCap: 1000,
        resamples: 1000,
        ...(metrics.reference ? { reference: metrics.reference } : {}),
      },
      (_phase, done, total) => checkpoint(done, total),
    );
    return { names: summary.names, warnings: summary.warnings };
  } catch (error) {
    if (error instanceof AppFailure && (error.code === 'validation' || error.code === 'unavailable'))
      return { names: [], warnings: [`not scored: ${error.message}`] };
    throw error;
  }
}

/** The draw experiment of a run config. */
export function drawExperiment(config: DrawConfig): Experiment<DrawUnit> {
  return {
    plan: async (ctx) => {
      await Promise.resolve();
      const units: DrawUnit[] = [];
      for (const concept of sliceConcepts(ctx.store, config))
        for (const model of config.models)
          for (const language of config.languages) {
            const label = modelLabel(model);
            units.push({
              key: `${concept.index}|${label}|${language}`,
              lane: label,
              sampleKeys: unitKeys(config, concept.index, label, language),
              datasetId: config.datasetId,
              conceptIdx: concept.index,
              conceptKey: concept.key,
              text: concept.text,
              category: concept.category,
              model,
              language,
              config,
            });
          }
      return units;
    },
    execute: (unit, ctx) =>
      config.strategy === 'param' ? executeParamUnit(unit, ctx) : executeRepeatUnit(unit, ctx),
    score: (ctx, checkpoint) => scoreRunImages(ctx, checkpoint),
  };
}
