/**
 * What a run report shows, read from the store in a few named queries: the run, its counts by
 * sample and render status, every score, a capped gallery of its images and a capped list of its
 * failures. The caps keep the report of a 100K-sample run a file a browser opens in a second.
 */
import type { Database } from 'better-sqlite3';
import type { MetricProvenance, MetricRecord, MetricScope } from '../../../shared/metrics.js';
import { AppFailure } from '../../../shared/result.js';
import type { RunKind, RunStatus } from '../../../shared/runs.js';

/** Gallery and failure caps (defaults: {@link DEFAULT_REPORT_LIMITS}). */
export interface ReportLimits {
  /** Images shown per concept (the first ones in sample order). */
  readonly perConcept: number;
  /** Images shown in all. */
  readonly images: number;
  /** Failures listed. */
  readonly failures: number;
}

/** The caps a report uses unless told otherwise. */
export const DEFAULT_REPORT_LIMITS: ReportLimits = { perConcept: 6, images: 300, failures: 200 };

/** The run as the report header shows it. */
export interface ReportRun {
  readonly id: string;
  readonly name: string;
  readonly kind: RunKind;
  readonly status: RunStatus;
  readonly datasetId: string | null;
  readonly parentRunId: string | null;
  readonly appVersion: string;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly config: unknown;
  readonly versions: unknown;
}

/** One image of the gallery. */
export interface GalleryImage {
  readonly sampleId: number;
  readonly conceptIdx: number;
  readonly conceptKey: string | null;
  readonly text: string | null;
  readonly category: string | null;
  readonly model: string;
  readonly language: string;
  readonly round: number;
  readonly imageHash: string;
  readonly width: number | null;
  readonly height: number | null;
  readonly fidelity: number | null;
}

/** One failed sample: the LLM call, the argument setting or the render went wrong. */
export interface ReportFailure {
  readonly sampleId: number;
  readonly text: string | null;
  readonly model: string;
  readonly language: string;
  readonly round: number;
  readonly status: string;
  readonly renderStatus: string | null;
  readonly error: string | null;
  /** The model's answer, cut at {@link RESPONSE_CAP} characters. */
  readonly response: string | null;
}

/** Characters of a failed sample's raw response the report shows. */
export const RESPONSE_CAP = 2000;

/** Everything the generic report sections need. */
export interface ReportData {
  readonly run: ReportRun;
  readonly sampleCounts: Readonly<Record<string, number>>;
  /** Latest render status per sample; `not rendered` for samples without a render. */
  readonly renderCounts: Readonly<Record<string, number>>;
  readonly metrics: ReadonlyArray<MetricRecord>;
  readonly gallery: ReadonlyArray<GalleryImage>;
  /** Images the run has in all (the gallery shows at most the limits). */
  readonly imageTotal: number;
  readonly failures: ReadonlyArray<ReportFailure>;
  readonly failureTotal: number;
  readonly limits: ReportLimits;
}

interface RunRow {
  id: string;
  name: string;
  kind: RunKind;
  status: RunStatus;
  dataset_id: string | null;
  parent_run_id: string | null;
  app_version: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  config_json: string;
  versions_json: string | null;
}

function readRun(db: Database, runId: string): ReportRun {
  const row = db
    .prepare(
      `SELECT id, name, kind, status, dataset_id, parent_run_id, app_version, created_at, started_at, finished_at,
              config_json, versions_json FROM runs WHERE id = ?`,
    )
    .get(runId) as RunRow | undefined;
  if (!row) throw new AppFailure('not_found', `No run ${runId}.`);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    status: row.status,
    datasetId: row.dataset_id,
    parentRunId: row.parent_run_id,
    appVersion: row.app_version,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    config: JSON.parse(row.config_json) as unknown,
    versions: row.versions_json === null ? null : (JSON.parse(row.versions_json) as unknown),
  };
}

/**
 * The run's scores above concept level (run, category, model, language, round): the report's
 * tables. Per-sample and per-concept scores can number in the hundreds of thousands; the report
 * reads those through the gallery query instead.
 */
function groupScores(db: Database, runId: string): MetricRecord[] {
  const rows = db
    .prepare(
      `SELECT scope, scope_key, name, value, provenance_json FROM metrics
       WHERE run_id = ? AND scope NOT IN ('sample', 'concept') ORDER BY name, scope, scope_key`,
    )
    .all(runId) as {
    scope: MetricScope;
    scope_key: string;
    name: string;
    value: number | null;
    provenance_json: string;
  }[];
  return rows.map((r) => ({
    scope: r.scope,
    scopeKey: r.scope_key,
    name: r.name,
    value: r.value,
    provenance: JSON.parse(r.provenance_json) as MetricProvenance,
  }));
}

function countBy(db: Database, sql: string, runId: string): Record<string, number> {
  const rows = db.prepare(sql).all(runId) as { key: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

const LATEST_RENDER = 'LEFT JOIN renders d ON d.id = (SELECT MAX(id) FROM renders WHERE sample_id = s.id)';

const GALLERY_SQL = `
WITH images AS (
  SELECT s.id, s.concept_idx, COALESCE(s.dataset_id, r.dataset_id) AS dataset_id, s.model, s.language, s.round,
         d.image_hash, d.width, d.height,
         ROW_NUMBER() OVER (PARTITION BY COALESCE(s.dataset_id, r.dataset_id), s.concept_idx ORDER BY s.id) AS nth
  FROM samples s JOIN runs r ON r.id = s.run_id ${LATEST_RENDER}
  WHERE s.run_id = @runId AND d.status = 'ok' AND d.image_hash IS NOT NULL
),
fidelity AS (
  SELECT scope_key, value, MAX(id) FROM metrics
  WHERE run_id = @runId AND scope = 'sample' AND name = 'fidelity.percentile' GROUP BY scope_key
)
SELECT i.id AS sampleId, i.concept_idx AS conceptIdx, c.concept_key AS conceptKey, c.text, c.category, i.model,
       i.language, i.round, i.image_hash AS imageHash, i.width, i.height, f.value AS fidelity
FROM images i
LEFT JOIN concepts c ON c.dataset_id = i.dataset_id AND c.idx = i.concept_idx
LEFT JOIN fidelity f ON f.scope_key = CAST(i.id AS TEXT)
WHERE i.nth <= @perConcept
ORDER BY i.concept_idx, i.id
LIMIT @images`;

const FAILED = `(s.status <> 'done' OR d.status IS NULL OR d.status <> 'ok')`;

const failuresSql = (failed: string) => `
SELECT s.id AS sampleId, c.text, s.model, s.language, s.round, s.status, d.status AS renderStatus,
       COALESCE(s.error_text, g.error_text, d.error_text) AS error, substr(g.raw_response, 1, ${RESPONSE_CAP}) AS response
FROM samples s JOIN runs r ON r.id = s.run_id ${LATEST_RENDER}
LEFT JOIN generations g ON g.id = (SELECT MAX(id) FROM generations WHERE sample_id = s.id)
LEFT JOIN concepts c ON c.dataset_id = COALESCE(s.dataset_id, r.dataset_id) AND c.idx = s.concept_idx
WHERE s.run_id = ? AND ${failed}
ORDER BY s.id LIMIT ?`;

/** Reads what the report of `runId` shows; `not_found` when there is no such run. */
export function readReportData(
  db: Database,
  runId: string,
  limits: ReportLimits = DEFAULT_REPORT_LIMITS,
): ReportData {
  const run = readRun(db, runId);
  // Recognise runs read code, they render nothing: their samples have no render by design.
  const failedClause = run.kind === 'recognise' ? `s.status <> 'done'` : FAILED;
  const count = (sql: string) => (db.prepare(sql).get(runId) as { n: number }).n;
  return {
    run,
    sampleCounts: countBy(
      db,
      'SELECT status AS key, COUNT(*) AS n FROM samples WHERE run_id = ? GROUP BY status',
      runId,
    ),
    renderCounts: countBy(
      db,
      `SELECT COALESCE(d.status, 'not rendered') AS key, COUNT(*) AS n FROM samples s ${LATEST_RENDER}
       WHERE s.run_id = ? GROUP BY key ORDER BY key`,
      runId,
    ),
    metrics: groupScores(db, runId),
    gallery: db
      .prepare(GALLERY_SQL)
      .all({ runId, perConcept: limits.perConcept, images: limits.images }) as GalleryImage[],
    imageTotal: count(
      `SELECT COUNT(*) AS n FROM samples s ${LATEST_RENDER} WHERE s.run_id = ? AND d.status = 'ok' AND d.image_hash IS NOT NULL`,
    ),
    failures: db.prepare(failuresSql(failedClause)).all(runId, limits.failures) as ReportFailure[],
    failureTotal: count(
      `SELECT COUNT(*) AS n FROM samples s ${LATEST_RENDER} WHERE s.run_id = ? AND ${failedClause}`,
    ),
    limits,
  };
}
