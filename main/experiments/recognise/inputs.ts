/**
 * The code a recognise run shows its models, resolved from the run's inputs in config order: the
 * samples of an earlier run (with the concept each one drew, from its dataset version), code files
 * (with the concept the config names), and human drawings. Samples and drawings are taken as they
 * stood when the recognise run was created, so that a resumed run plans exactly the same inputs
 * even if more were added since; an input's position in this list is its samples' `concept_idx`.
 */
import { readFileSync } from 'node:fs';
import type { RecogniseConfig, RecogniseInput } from '../../../shared/experiments.js';
import { RENDER_LANGUAGE_NAMES } from '../../../shared/render.js';
import { AppFailure, assertNever } from '../../../shared/result.js';
import { DrawingsRepo } from '../../store/repos/drawings-repo.js';
import type { Store } from '../../store/store.js';
import type { RenderLanguage } from '../../render/types.js';

/** One piece of code to recognise, with the concept it draws. */
export interface RecognitionInput {
  readonly kind: 'sample' | 'file' | 'drawing';
  /** The source sample id, the file path or the drawing id (`recognitions.input_ref`). */
  readonly ref: string;
  readonly code: string;
  readonly language: RenderLanguage;
  /** The concept's description: what a correct answer names. */
  readonly truth: string;
  readonly category: string | null;
  /** The dataset version the concept comes from (sample inputs only): its concepts are distractors. */
  readonly datasetId: string | null;
  readonly parentSampleId: number | null;
}

interface SampleRow {
  id: number;
  language: string;
  code: string;
  dataset_id: string;
  text: string;
  category: string;
}

const isLanguage = (language: string): language is RenderLanguage =>
  (RENDER_LANGUAGE_NAMES as ReadonlyArray<string>).includes(language);

function fromRun(
  store: Store,
  input: Extract<RecogniseInput, { from: 'run' }>,
  asOf: string,
): RecognitionInput[] {
  if (!store.runs.get(input.runId)) throw new AppFailure('not_found', `No run ${input.runId} to recognise.`);
  const latestOk = `(SELECT status FROM renders WHERE sample_id = s.id ORDER BY id DESC LIMIT 1) = 'ok'`;
  const rows = store.db
    .prepare(
      `SELECT s.id, s.language, s.code, COALESCE(s.dataset_id, r.dataset_id) AS dataset_id, c.text, c.category
       FROM samples s JOIN runs r ON r.id = s.run_id
       JOIN concepts c ON c.dataset_id = COALESCE(s.dataset_id, r.dataset_id) AND c.idx = s.concept_idx
       WHERE s.run_id = ? AND s.code IS NOT NULL AND s.created_at <= ?${input.onlyOk ? ` AND ${latestOk}` : ''}
       ORDER BY s.id LIMIT ?`,
    )
    .all(input.runId, asOf, input.limit ?? -1) as SampleRow[];
  return rows
    .filter((row) => isLanguage(row.language))
    .map((row) => ({
      kind: 'sample',
      ref: String(row.id),
      code: row.code,
      language: row.language as RenderLanguage,
      truth: row.text,
      category: row.category,
      datasetId: row.dataset_id,
      parentSampleId: row.id,
    }));
}

function fromFiles(input: Extract<RecogniseInput, { from: 'files' }>): RecognitionInput[] {
  return input.files.map((file) => {
    let code: string;
    try {
      code = readFileSync(file.path, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new AppFailure('not_found', `Cannot read the input file ${file.path} (${reason}).`);
    }
    return {
      kind: 'file',
      ref: file.path,
      code,
      language: file.language,
      truth: file.concept,
      category: file.category ?? null,
      datasetId: null,
      parentSampleId: null,
    };
  });
}

function fromDrawings(
  store: Store,
  input: Extract<RecogniseInput, { from: 'drawings' }>,
  asOf: string,
): RecognitionInput[] {
  const repo = new DrawingsRepo(store.db);
  const drawings = input.ids ? input.ids.map((id) => repo.require(id)) : repo.savedUpTo(asOf);
  return drawings.map((d) => ({
    kind: 'drawing',
    ref: d.id,
    code: d.code,
    language: d.language,
    truth: d.concept,
    category: d.category,
    datasetId: null,
    parentSampleId: null,
  }));
}

/** Every input of a recognise run created at `asOf` (ISO time), in plan order. */
export function resolveInputs(store: Store, config: RecogniseConfig, asOf: string): RecognitionInput[] {
  return config.inputs.flatMap((input): RecognitionInput[] => {
    switch (input.from) {
      case 'run':
        return fromRun(store, input, asOf);
      case 'files':
        return fromFiles(input);
      case 'drawings':
        return fromDrawings(store, input, asOf);
      default:
        return assertNever(input, 'recognise input');
    }
  });
}
