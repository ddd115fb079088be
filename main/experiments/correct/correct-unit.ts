/**
 * The work unit of a self-correct run: one source sample improved by one model over R rounds.
 * Round 0 copies the source drawing; rounds 1..R each ask the model once.
 */
import type { CorrectConfig, ModelSpec } from '../../../shared/experiments.js';
import type { RenderLanguage } from '../../render/types.js';
import { sampleKey, type NewRender } from '../../store/repos/samples-repo.js';
import type { WorkUnit } from '../experiment.js';

/** The source sample a trajectory starts from, as the source run stored it. */
export interface SourceSample {
  readonly sampleId: number;
  readonly datasetId: string | null;
  readonly conceptIdx: number;
  /** The concept's description, as the prompt says it. */
  readonly text: string;
  /** The label the source run stored the sample under. */
  readonly model: string;
  readonly language: RenderLanguage;
  readonly seed: number;
  readonly code: string;
  /** Its latest render (copied into round 0), or null when it was never rendered. */
  readonly render: NewRender | null;
}

/** One trajectory of a self-correct run. */
export interface CorrectUnit extends WorkUnit {
  readonly source: SourceSample;
  /** The source sample's position in the plan (the `sample_index` of every round). */
  readonly sampleIndex: number;
  readonly model: ModelSpec;
  /** `modelLabel(model)`: the name the rounds are stored under. */
  readonly label: string;
  readonly config: CorrectConfig;
}

/** The strategy every sample of a self-correct run is stored with. */
export const CORRECT_STRATEGY = 'correct';

/** The key fields of round `round` of a unit's trajectory. */
export function roundKeyFields(
  unit: Pick<CorrectUnit, 'source' | 'sampleIndex' | 'label'>,
  round: number,
): Parameters<typeof sampleKey>[0] {
  return {
    conceptIdx: unit.source.conceptIdx,
    model: unit.label,
    language: unit.source.language,
    strategy: CORRECT_STRATEGY,
    sampleIndex: unit.sampleIndex,
    round,
  };
}

/** The `sampleKey` of round `round` of a unit's trajectory. */
export function roundKey(unit: Pick<CorrectUnit, 'source' | 'sampleIndex' | 'label'>, round: number): string {
  return sampleKey(roundKeyFields(unit, round));
}
