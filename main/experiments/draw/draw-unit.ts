/** The work unit of a draw run: one concept drawn by one model in one language, n times. */
import type { DrawConfig, ModelSpec } from '../../../shared/experiments.js';
import type { RenderLanguage } from '../../render/types.js';
import type { WorkUnit } from '../experiment.js';

/** One prompt of a draw run and the samples it yields. */
export interface DrawUnit extends WorkUnit {
  readonly datasetId: string;
  readonly conceptIdx: number;
  readonly conceptKey: string;
  /** The concept's description, as the prompt says it. */
  readonly text: string;
  readonly category: string;
  readonly model: ModelSpec;
  readonly language: RenderLanguage;
  readonly config: DrawConfig;
}
