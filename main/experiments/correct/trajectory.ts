/**
 * The trajectories of a self-correct run, read back from its rows: per source sample and model,
 * every round from the copied start (round 0) to the last, with its code, latest render, fidelity
 * percentile (when scored) and the line diff to the code the round was asked to improve.
 */
import type { Database } from 'better-sqlite3';
import { unifiedLineDiff } from './line-diff.js';

/** One round of a trajectory. */
export interface TrajectoryRound {
  readonly round: number;
  readonly sampleId: number;
  /** 'done', 'llm_error' (a failed call) or 'rejected' (a prompt refused for good); the rounds after a failed one fail the same way. */
  readonly status: string;
  /** The code the round produced (round 0: the source sample's), or null when the answer had none. */
  readonly code: string | null;
  readonly imageHash: string | null;
  /** The latest render's status, or null when nothing was rendered (a failed call). */
  readonly renderStatus: string | null;
  readonly renderError: string | null;
  /** `fidelity.percentile` of the round's image, or null when not scored. */
  readonly fidelity: number | null;
  /**
   * Unified diff from the code the round was shown (the last code that existed before it) to its
   * own code; '' when unchanged, null for round 0 and for rounds without code.
   */
  readonly diff: string | null;
}

/** One source sample improved by one model, round by round. */
export interface CorrectionTrajectory {
  /** The source run's sample that round 0 copies. */
  readonly sourceSampleId: number | null;
  readonly sampleIndex: number;
  readonly datasetId: string | null;
  readonly conceptIdx: number;
  readonly conceptKey: string | null;
  readonly text: string | null;
  readonly category: string | null;
  readonly model: string;
  readonly language: string;
  readonly rounds: ReadonlyArray<TrajectoryRound>;
}

interface Row {
  id: number;
  parent_sample_id: number | null;
  sample_index: number;
  dataset_id: string | null;
  concept_idx: number;
  concept_key: string | null;
  text: string | null;
  category: string | null;
  model: string;
  language: string;
  round: number;
  status: string;
  code: string | null;
  image_hash: string | null;
  render_status: string | null;
  render_error: string | null;
  fidelity: number | null;
}

const ROWS = `
SELECT s.id, s.parent_sample_id, s.sample_index, COALESCE(s.dataset_id, r.dataset_id) AS dataset_id,
       s.concept_idx, c.concept_key, c.text, c.category, s.model, s.language, s.round, s.status, s.code,
       d.image_hash, d.status AS render_status, d.error_text AS render_error, m.value AS fidelity
FROM samples s
JOIN runs r ON r.id = s.run_id
LEFT JOIN renders d ON d.id = (SELECT MAX(id) FROM renders WHERE sample_id = s.id)
LEFT JOIN concepts c ON c.dataset_id = COALESCE(s.dataset_id, r.dataset_id) AND c.idx = s.concept_idx
LEFT JOIN metrics m ON m.run_id = s.run_id AND m.scope = 'sample' AND m.name = 'fidelity.percentile'
                   AND m.scope_key = CAST(s.id AS TEXT)
WHERE s.run_id = ? AND s.strategy = 'correct'
ORDER BY s.sample_index, s.model, s.round`;

function roundsOf(rows: ReadonlyArray<Row>): TrajectoryRound[] {
  let shown: { readonly code: string; readonly round: number } | null = null;
  return rows.map((row) => {
    const diff =
      row.round === 0 || row.code === null || shown === null
        ? null
        : unifiedLineDiff(shown.code, row.code, { from: `round ${shown.round}`, to: `round ${row.round}` });
    if (row.code !== null) shown = { code: row.code, round: row.round };
    return {
      round: row.round,
      sampleId: row.id,
      status: row.status,
      code: row.code,
      imageHash: row.image_hash,
      renderStatus: row.render_status,
      renderError: row.render_error,
      fidelity: row.fidelity,
      diff,
    };
  });
}

/** Every trajectory of a self-correct run, by source sample (plan order) then model; rounds in order. */
export function correctionTrajectories(db: Database, runId: string): CorrectionTrajectory[] {
  const rows = db.prepare(ROWS).all(runId) as Row[];
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = `${row.sample_index}\u0000${row.model}`;
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    return {
      sourceSampleId: first.round === 0 ? first.parent_sample_id : null,
      sampleIndex: first.sample_index,
      datasetId: first.dataset_id,
      conceptIdx: first.concept_idx,
      conceptKey: first.concept_key,
      text: first.text,
      category: first.category,
      model: first.model,
      language: first.language,
      rounds: roundsOf(group),
    };
  });
}
