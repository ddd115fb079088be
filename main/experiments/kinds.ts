/** Which experiment runs a config: one implementation per run kind. */
import type { RunConfig } from '../../shared/experiments.js';
import { assertNever } from '../../shared/result.js';
import { correctExperiment } from './correct/correct-experiment.js';
import { drawExperiment } from './draw/draw-experiment.js';
import type { Experiment, WorkUnit } from './experiment.js';
import { recogniseExperiment } from './recognise/recognise-experiment.js';

/** The experiment of a run's config. */
export function experimentFor(config: RunConfig): Experiment<WorkUnit> {
  switch (config.kind) {
    case 'draw':
      return drawExperiment(config) as unknown as Experiment<WorkUnit>;
    case 'recognise':
      return recogniseExperiment(config);
    case 'correct':
      return correctExperiment(config);
    default:
      return assertNever(config, 'run kind');
  }
}
