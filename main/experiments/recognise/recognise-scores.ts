/**
 * Scoring a recognise run: reads the run's finished recognitions back from the store (with each
 * input's category: from the source sample's dataset version, the drawing, or the config's file
 * entry), and stores the accuracies per concept, category, language, model and run with bootstrap
 * intervals, replacing the run's earlier recognition scores in one transaction.
 */
import type { RecogniseConfig } from '../../../shared/experiments.js';
import {
  recognitionMetricName,
  recognitionRecords,
  type RecognitionOutcome,
} from '../../metrics/recognition/recognition-run.js';
import { RETRIEVAL_METRIC } from '../../metrics/recognition/retrieval-run.js';
import { MetricsRepo } from '../../store/repos/metrics-repo.js';
import type { Store } from '../../store/store.js';
import type { ScoreOutcome } from '../experiment.js';
import { retrievalScores } from './recognise-retrieval.js';

/** Bootstrap resamples of every interval. */
const RESAMPLES = 1000;

/** A finished recognition with what scoring needs to know about its input. */
export interface ScoredRow {
  sample_id: number;
  model: string;
  language: string;
  mode: 'free' | 'choice';
  input_kind: 'sample' | 'file' | 'drawing';
  input_ref: string | null;
  truth: string;
  candidates_json: string | null;
  answer: string;
  correct: number;
  category: string | null;
  /** The source sample's dataset version (sample inputs). */
  dataset_id: string | null;
}

/** The run's finished recognitions (failed calls have no `correct` and are left out). */
export function scoredRows(store: Store, runId: string, config: RecogniseConfig): ScoredRow[] {
  const fileCategory = new Map<string, string>();
  for (const input of config.inputs)
    if (input.from === 'files')
      for (const f of input.files)
        if (f.category && !fileCategory.has(f.path)) fileCategory.set(f.path, f.category);
  const rows = store.db
    .prepare(
      `SELECT s.id AS sample_id, s.model, s.language, g.mode, g.input_kind, g.input_ref, g.truth,
              g.candidates_json, g.answer, g.correct, COALESCE(c.category, d.category) AS category,
              COALESCE(p.dataset_id, pr.dataset_id) AS dataset_id
       FROM samples s JOIN recognitions g ON g.sample_id = s.id
       LEFT JOIN samples p ON g.input_kind = 'sample' AND p.id = s.parent_sample_id
       LEFT JOIN runs pr ON pr.id = p.run_id
       LEFT JOIN concepts c ON c.dataset_id = COALESCE(p.dataset_id, pr.dataset_id) AND c.idx = p.concept_idx
       LEFT JOIN drawings d ON g.input_kind = 'drawing' AND d.id = g.input_ref
       WHERE s.run_id = ? AND s.status = 'done' AND g.correct IS NOT NULL
       ORDER BY s.id`,
    )
    .all(runId) as ScoredRow[];
  return rows.map((r) =>
    r.input_kind === 'file' ? { ...r, category: fileCategory.get(r.input_ref ?? '') ?? null } : r,
  );
}

/** The accuracy outcomes of scored rows. */
export function recognitionOutcomes(rows: ReadonlyArray<ScoredRow>): RecognitionOutcome[] {
  return rows.map((r) => ({
    sampleId: r.sample_id,
    mode: r.mode,
    correct: r.correct === 1,
    truth: r.truth,
    category: r.category,
    model: r.model,
    language: r.language,
    options: r.candidates_json === null ? null : (JSON.parse(r.candidates_json) as unknown[]).length,
  }));
}

/** Scores the run and stores the scores (all in one transaction); nothing to score is a warning. */
export async function scoreRecognitions(
  store: Store,
  runId: string,
  config: RecogniseConfig,
): Promise<ScoreOutcome> {
  const rows = scoredRows(store, runId, config);
  const options = { seed: config.seed, resamples: RESAMPLES };
  const accuracy = recognitionRecords(runId, recognitionOutcomes(rows), options);
  // The retrieval percentile is CLIP's, like fidelity: the same switch turns it off.
  const retrieval = config.metrics.fidelity
    ? await retrievalScores(store, runId, rows, options)
    : { records: [], warnings: [] };
  const names = [...accuracy.names, ...(retrieval.records.length ? [RETRIEVAL_METRIC] : [])];
  // Replace every recognition name even when one has no scores now, so no stale score survives.
  const replaced = [recognitionMetricName('free'), recognitionMetricName('choice'), RETRIEVAL_METRIC];
  new MetricsRepo(store.db).replace(runId, replaced, [...accuracy.records, ...retrieval.records]);
  const warnings = rows.length === 0 ? [`run ${runId} has no scorable recognitions`] : [];
  return { names, warnings: [...warnings, ...retrieval.warnings] };
}
