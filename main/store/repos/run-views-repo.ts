/**
 * Named reads of a run's samples for `runs.show` and `runs.samples`: counts by sample and render
 * status, and pages of samples with their concept, latest render, answer, fidelity and recognition.
 * "Latest render" is the render row with the highest id (a sample is rendered once today; a
 * re-render would add a row, never replace one).
 */
import type { Database } from 'better-sqlite3';
import type { MetricRecord } from '../../../shared/metrics.js';
import type { RecognitionView, SamplePage, SampleView } from '../../../shared/runs.js';
import { MetricsRepo } from './metrics-repo.js';

interface SampleRow {
  id: number;
  concept_idx: number;
  concept_key: string | null;
  text: string | null;
  category: string | null;
  model: string;
  language: string;
  strategy: string;
  sample_index: number;
  round: number;
  seed: number;
  status: string;
  error_text: string | null;
  parent_sample_id: number | null;
  args_json: string | null;
  code: string | null;
  response: string | null;
  render_status: string | null;
  render_error: string | null;
  image_hash: string | null;
  width: number | null;
  height: number | null;
  fidelity: number | null;
  r_mode: 'free' | 'choice' | null;
  r_input_kind: 'sample' | 'file' | 'drawing' | null;
  r_input_ref: string | null;
  r_truth: string | null;
  r_candidates: string | null;
  r_answer: string | null;
  r_chosen: string | null;
  r_correct: number | null;
  r_match: string | null;
}

const LATEST_RENDER = 'd.id = (SELECT MAX(id) FROM renders WHERE sample_id = s.id)';

const SAMPLE_SELECT = `
SELECT s.id, s.concept_idx, c.concept_key, COALESCE(c.text, q.truth) AS text, c.category, s.model, s.language, s.strategy, s.sample_index,
  s.round, s.seed, s.status, s.error_text, s.parent_sample_id, s.args_json, s.code,
  (SELECT raw_response FROM generations g WHERE g.sample_id = s.id ORDER BY g.id DESC LIMIT 1) AS response,
  d.status AS render_status, d.error_text AS render_error, d.image_hash, d.width, d.height,
  (SELECT value FROM metrics m WHERE m.run_id = s.run_id AND m.scope = 'sample' AND m.name = 'fidelity.percentile'
     AND m.scope_key = CAST(s.id AS TEXT) LIMIT 1) AS fidelity,
  q.mode AS r_mode, q.input_kind AS r_input_kind, q.input_ref AS r_input_ref, q.truth AS r_truth,
  q.candidates_json AS r_candidates, q.answer AS r_answer, q.chosen AS r_chosen, q.correct AS r_correct,
  q.match AS r_match
FROM samples s
JOIN runs r ON r.id = s.run_id
LEFT JOIN renders d ON ${LATEST_RENDER}
LEFT JOIN concepts c ON c.dataset_id = COALESCE(s.dataset_id, r.dataset_id) AND c.idx = s.concept_idx
LEFT JOIN recognitions q ON q.sample_id = s.id`;

function recognitionOf(r: SampleRow): RecognitionView | null {
  if (r.r_mode === null || r.r_input_kind === null) return null;
  return {
    mode: r.r_mode,
    inputKind: r.r_input_kind,
    inputRef: r.r_input_ref,
    truth: r.r_truth ?? '',
    candidates: r.r_candidates === null ? null : (JSON.parse(r.r_candidates) as string[]),
    answer: r.r_answer,
    chosen: r.r_chosen,
    correct: r.r_correct === null ? null : r.r_correct === 1,
    match: r.r_match,
  };
}

function toView(r: SampleRow): SampleView {
  return {
    id: r.id,
    conceptIdx: r.concept_idx,
    conceptKey: r.concept_key,
    text: r.text,
    category: r.category,
    model: r.model,
    language: r.language,
    strategy: r.strategy,
    sampleIndex: r.sample_index,
    round: r.round,
    seed: r.seed,
    status: r.status,
    errorText: r.error_text,
    parentSampleId: r.parent_sample_id,
    args: r.args_json === null ? null : (JSON.parse(r.args_json) as unknown),
    code: r.code,
    response: r.response,
    render:
      r.render_status === null
        ? null
        : {
            status: r.render_status,
            error: r.render_error,
            imageHash: r.image_hash,
            width: r.width,
            height: r.height,
          },
    fidelity: r.fidelity,
    recognition: recognitionOf(r),
  };
}

/** A page query of `runs.samples`. */
export interface SampleQuery {
  readonly offset: number;
  readonly limit: number;
  /** A render status (`ok`, `timeout`…) or a sample status (`llm_error`…). */
  readonly status?: string;
  readonly round?: number;
}

/** Reads of runs' samples. */
export class RunViewsRepo {
  constructor(private readonly db: Database) {}

  /** Counts of a run's latest renders per render status. */
  renderCounts(runId: string): Record<string, number> {
    const rows = this.db
      .prepare(
        `SELECT d.status, COUNT(*) AS n FROM samples s JOIN renders d ON ${LATEST_RENDER}
         WHERE s.run_id = ? GROUP BY d.status`,
      )
      .all(runId) as { status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  /** Finished samples that worked: status `done` and no render, or an ok latest render. */
  okCount(runId: string): number {
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM samples s LEFT JOIN renders d ON ${LATEST_RENDER}
         WHERE s.run_id = ? AND s.status = 'done' AND (d.id IS NULL OR d.status = 'ok')`,
      )
      .get(runId) as { n: number };
    return row.n;
  }

  /** Run-level and per-round scores of a run. */
  runMetrics(runId: string): MetricRecord[] {
    return new MetricsRepo(this.db).forRun(runId).filter((m) => m.scope === 'run' || m.scope === 'round');
  }

  /** A page of a run's samples in sample order. */
  samples(runId: string, query: SampleQuery): SamplePage {
    const where = ['s.run_id = ?'];
    const args: unknown[] = [runId];
    if (query.status !== undefined) {
      where.push('(d.status = ? OR s.status = ?)');
      args.push(query.status, query.status);
    }
    if (query.round !== undefined) {
      where.push('s.round = ?');
      args.push(query.round);
    }
    const clause = where.join(' AND ');
    const rows = this.db
      .prepare(`${SAMPLE_SELECT} WHERE ${clause} ORDER BY s.id LIMIT ? OFFSET ?`)
      .all(...args, query.limit, query.offset) as SampleRow[];
    const { n } = this.db
      .prepare(`SELECT COUNT(*) AS n FROM samples s LEFT JOIN renders d ON ${LATEST_RENDER} WHERE ${clause}`)
      .get(...args) as { n: number };
    return { samples: rows.map(toView), total: n };
  }
}
