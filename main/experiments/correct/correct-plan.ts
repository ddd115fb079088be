/**
 * Planning a self-correct run: the source run's first drawings that have code (only those whose
 * latest render is `ok` unless `onlyOk` is off), at most `limit` of them in sample order, each
 * paired with every configured model, or else with the model of the source run that drew it.
 */
import type { Database } from 'better-sqlite3';
import {
  modelLabel,
  runConfigSchema,
  type CorrectConfig,
  type ModelSpec,
} from '../../../shared/experiments.js';
import { RENDER_LANGUAGE_NAMES } from '../../../shared/render.js';
import { AppFailure } from '../../../shared/result.js';
import type { RenderLanguage } from '../../render/types.js';
import { roundKey, type CorrectUnit, type SourceSample } from './correct-unit.js';

interface SourceRow {
  id: number;
  dataset_id: string | null;
  concept_idx: number;
  text: string | null;
  model: string;
  language: string;
  seed: number;
  code: string;
  status: string | null;
  error_text: string | null;
  image_hash: string | null;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  renderer: string | null;
  renderer_version: string | null;
  sandbox: string | null;
}

const SOURCE_ROWS = `
SELECT s.id, COALESCE(s.dataset_id, r.dataset_id) AS dataset_id, s.concept_idx, c.text, s.model, s.language,
       s.seed, s.code, d.status, d.error_text, d.image_hash, d.width, d.height, d.duration_ms, d.renderer,
       d.renderer_version, d.sandbox
FROM samples s
JOIN runs r ON r.id = s.run_id
LEFT JOIN renders d ON d.id = (SELECT MAX(id) FROM renders WHERE sample_id = s.id)
LEFT JOIN concepts c ON c.dataset_id = COALESCE(s.dataset_id, r.dataset_id) AND c.idx = s.concept_idx
WHERE s.run_id = ? AND s.round = 0 AND s.code IS NOT NULL AND (? = 0 OR d.status = 'ok')
ORDER BY s.id`;

function isLanguage(language: string): language is RenderLanguage {
  return (RENDER_LANGUAGE_NAMES as ReadonlyArray<string>).includes(language);
}

function sourceOf(row: SourceRow): SourceSample | null {
  if (row.text === null || !isLanguage(row.language)) return null;
  const render =
    row.status === null
      ? null
      : {
          language: row.language,
          status: row.status,
          errorText: row.error_text,
          imageHash: row.image_hash,
          width: row.width,
          height: row.height,
          durationMs: row.duration_ms ?? 0,
          renderer: row.renderer ?? '',
          rendererVersion: row.renderer_version ?? '',
          sandbox: row.sandbox ?? '',
        };
  const { id, dataset_id, concept_idx, text, model, language, seed, code } = row;
  return {
    sampleId: id,
    datasetId: dataset_id,
    conceptIdx: concept_idx,
    text,
    model,
    language,
    seed,
    code,
    render,
  };
}

/** The (finished) source run's model specs by label, or null when its config is not a run config. */
function sourceModels(db: Database, runId: string): Map<string, ModelSpec> | null {
  const row = db.prepare('SELECT config_json, status FROM runs WHERE id = ?').get(runId) as
    { config_json: string; status: string } | undefined;
  if (!row) throw new AppFailure('not_found', `No source run ${runId}.`);
  // Trajectories are numbered by their position in the plan: a source that still changes would renumber them.
  if (row.status !== 'finished')
    throw new AppFailure(
      'conflict',
      `source run ${runId} is ${row.status}; only a finished run can be corrected`,
    );
  const parsed = runConfigSchema.safeParse(JSON.parse(row.config_json));
  if (!parsed.success || !parsed.data.models) return null;
  return new Map(parsed.data.models.map((spec) => [modelLabel(spec), spec]));
}

/** The models that improve one source sample. */
function modelsFor(
  source: SourceSample,
  config: CorrectConfig,
  own: Map<string, ModelSpec> | null,
): ModelSpec[] {
  if (config.models) return config.models;
  const spec = own?.get(source.model);
  if (spec) return [spec];
  throw new AppFailure(
    'validation',
    `the source run has no model config for ${source.model} (sample ${source.sampleId}): give the run's models`,
  );
}

/** Every trajectory of a self-correct run, in order; warns (via `log`) about skipped source samples. */
export function planCorrection(
  db: Database,
  config: CorrectConfig,
  log: (line: string) => void,
): CorrectUnit[] {
  const own = sourceModels(db, config.sourceRunId);
  const rows = db.prepare(SOURCE_ROWS).all(config.sourceRunId, config.onlyOk ? 1 : 0) as SourceRow[];
  const sources = rows.flatMap((row) => {
    const source = sourceOf(row);
    if (!source) log(`source sample ${row.id} skipped: no dataset concept or an unknown language`);
    return source ? [source] : [];
  });
  const chosen = sources.slice(0, config.limit ?? sources.length);
  if (chosen.length === 0)
    throw new AppFailure(
      'validation',
      `source run ${config.sourceRunId} has no drawings with code to correct`,
    );
  return chosen.flatMap((source, sampleIndex) =>
    modelsFor(source, config, own).map((model) => {
      const label = modelLabel(model);
      const keys = Array.from({ length: config.rounds + 1 }, (_, round) =>
        roundKey({ source, sampleIndex, label }, round),
      );
      return {
        key: `correct:${sampleIndex}:${label}`,
        lane: label,
        sampleKeys: keys,
        source,
        sampleIndex,
        model,
        label,
        config,
      };
    }),
  );
}
