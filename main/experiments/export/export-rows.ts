/**
 * The rows a run export writes: one flat record per sample with its concept, latest render,
 * latest generation (the raw response), fidelity percentile and recognition. Field names are
 * snake_case because the readers are Python and spreadsheet tools.
 */
import type { Database } from 'better-sqlite3';

/** One sample of a run as every export format writes it. */
export interface ExportRow {
  readonly run_id: string;
  readonly sample_id: number;
  readonly parent_sample_id: number | null;
  readonly concept_idx: number;
  readonly concept_key: string | null;
  readonly concept_text: string | null;
  readonly category: string | null;
  readonly model: string;
  readonly language: string;
  readonly strategy: string;
  readonly sample_index: number;
  readonly round: number;
  readonly seed: number;
  readonly status: string;
  readonly error: string | null;
  readonly render_status: string | null;
  readonly render_error: string | null;
  readonly image_hash: string | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly fidelity_percentile: number | null;
  readonly recognition_mode: string | null;
  readonly recognition_input: string | null;
  readonly recognition_truth: string | null;
  readonly recognition_candidates: ReadonlyArray<string> | null;
  readonly recognition_answer: string | null;
  readonly recognition_chosen: string | null;
  readonly recognition_correct: boolean | null;
  readonly recognition_match: string | null;
  readonly args: unknown;
  readonly code: string | null;
  readonly raw_response: string | null;
}

/** The columns of {@link ExportRow}, in the order CSV writes them. */
export const EXPORT_COLUMNS: ReadonlyArray<keyof ExportRow> = [
  'run_id',
  'sample_id',
  'parent_sample_id',
  'concept_idx',
  'concept_key',
  'concept_text',
  'category',
  'model',
  'language',
  'strategy',
  'sample_index',
  'round',
  'seed',
  'status',
  'error',
  'render_status',
  'render_error',
  'image_hash',
  'width',
  'height',
  'fidelity_percentile',
  'recognition_mode',
  'recognition_input',
  'recognition_truth',
  'recognition_candidates',
  'recognition_answer',
  'recognition_chosen',
  'recognition_correct',
  'recognition_match',
  'args',
  'code',
  'raw_response',
];

type Row = Omit<ExportRow, 'recognition_candidates' | 'recognition_correct' | 'args'> & {
  recognition_candidates: string | null;
  recognition_correct: number | null;
  args: string | null;
};

// The latest render and generation win: a sample has one of each today, but a re-render or a
// critique call would add another and the export shows what the sample ended with.
const PAGE_SQL = `
SELECT s.run_id, s.id AS sample_id, s.parent_sample_id, s.concept_idx, c.concept_key, c.text AS concept_text,
  c.category, s.model, s.language, s.strategy, s.sample_index, s.round, s.seed, s.status,
  COALESCE(s.error_text, g.error_text) AS error,
  d.status AS render_status, d.error_text AS render_error, d.image_hash, d.width, d.height,
  NULL AS fidelity_percentile,
  k.mode AS recognition_mode, k.input_kind AS recognition_input, k.truth AS recognition_truth,
  k.candidates_json AS recognition_candidates, k.answer AS recognition_answer, k.chosen AS recognition_chosen,
  k.correct AS recognition_correct, k.match AS recognition_match,
  s.args_json AS args, COALESCE(s.code, k.code) AS code, g.raw_response
FROM samples s
JOIN runs r ON r.id = s.run_id
LEFT JOIN concepts c ON c.dataset_id = COALESCE(s.dataset_id, r.dataset_id) AND c.idx = s.concept_idx
LEFT JOIN renders d ON d.id = (SELECT MAX(id) FROM renders WHERE sample_id = s.id)
LEFT JOIN generations g ON g.id = (SELECT MAX(id) FROM generations WHERE sample_id = s.id)
LEFT JOIN recognitions k ON k.sample_id = s.id
WHERE s.run_id = @runId AND s.id > @after
ORDER BY s.id
LIMIT @limit`;

function toExportRow(row: Row, fidelity: ReadonlyMap<string, number | null>): ExportRow {
  return {
    ...row,
    fidelity_percentile: fidelity.get(String(row.sample_id)) ?? null,
    recognition_candidates:
      row.recognition_candidates === null ? null : (JSON.parse(row.recognition_candidates) as string[]),
    recognition_correct: row.recognition_correct === null ? null : row.recognition_correct === 1,
    args: row.args === null ? null : (JSON.parse(row.args) as unknown),
  };
}

/** Sample id → fidelity percentile of a run (one query; the latest row wins). */
function fidelityOf(db: Database, runId: string): Map<string, number | null> {
  const rows = db
    .prepare(
      `SELECT scope_key AS key, value FROM metrics
       WHERE run_id = ? AND scope = 'sample' AND name = 'fidelity.percentile' ORDER BY id`,
    )
    .all(runId) as { key: string; value: number | null }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

/** Rows per page of {@link exportRowPages}. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * The export rows of `runId` in sample order, a page at a time. Each page is one finished query
 * (keyset paging on the sample id), so a caller may yield to the event loop between pages: the
 * engine keeps serving while a large run is exported, and no statement stays open across a yield.
 */
export function* exportRowPages(
  db: Database,
  runId: string,
  pageSize = EXPORT_PAGE_SIZE,
): Generator<ReadonlyArray<ExportRow>> {
  const fidelity = fidelityOf(db, runId);
  const page = db.prepare(PAGE_SQL);
  let after = -1;
  for (;;) {
    const rows = page.all({ runId, after, limit: pageSize }) as Row[];
    if (rows.length === 0) return;
    yield rows.map((row) => toExportRow(row, fidelity));
    after = rows.at(-1)!.sample_id;
  }
}

/** Lets the event loop run (between pages of an export). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
