/** The flags of each run subcommand (draw, recognise, correct) as the fields of its config. */
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { RENDER_LANGUAGE_NAMES, type RenderLanguageName } from '../../../shared/render.js';
import type { ConfigFields } from './run-config.js';
import { commonFromFlags, definedOnly, type CommonRunFlags } from './run-flags.js';

/** Flags of `vcheck run draw`. */
export interface DrawFlags extends CommonRunFlags {
  readonly dataset?: string;
  readonly language?: ReadonlyArray<RenderLanguageName>;
  readonly samples?: number;
  readonly strategy?: string;
  readonly settings?: number;
  readonly categories?: ReadonlyArray<string>;
  readonly offset?: number;
  readonly limit?: number;
}

/** Flags of `vcheck run recognise`. */
export interface RecogniseFlags extends CommonRunFlags {
  readonly fromRun?: ReadonlyArray<string>;
  readonly file?: ReadonlyArray<RecogniseFile>;
  /** `--drawings` alone is `true` (all drawings); with a value, the ids. */
  readonly drawings?: boolean | string;
  readonly mode?: string;
  readonly candidates?: number;
  readonly limit?: number;
  readonly includeFailed?: boolean;
}

/** Flags of `vcheck run correct`. */
export interface CorrectFlags extends CommonRunFlags {
  readonly source?: string;
  readonly rounds?: number;
  readonly critique?: boolean;
  readonly feedbackErrors?: boolean;
  readonly limit?: number;
  readonly includeFailed?: boolean;
}

/** One `--file PATH:LANGUAGE:CONCEPT` of a recognise run. */
export interface RecogniseFile {
  readonly path: string;
  readonly language: RenderLanguageName;
  readonly concept: string;
}

/** The config fields `vcheck run draw` flags set. */
export function drawFields(o: DrawFlags): ConfigFields {
  return {
    ...commonFromFlags(o),
    datasetId: o.dataset,
    languages: o.language,
    samples: o.samples,
    strategy: o.strategy,
    settings: o.settings,
    slice: definedOnly({ categories: o.categories, offset: o.offset, limit: o.limit }),
  };
}

function idList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** The inputs of a recognise run, in flag order: runs, then files, then drawings. */
function recogniseInputs(o: RecogniseFlags): ReadonlyArray<ConfigFields> | undefined {
  const onlyOk = o.includeFailed ? false : undefined;
  const inputs: ConfigFields[] = (o.fromRun ?? []).map((runId) => ({
    from: 'run',
    runId,
    ...definedOnly({ limit: o.limit, onlyOk }),
  }));
  if (o.file && o.file.length > 0) inputs.push({ from: 'files', files: o.file });
  if (o.drawings === true) inputs.push({ from: 'drawings' });
  else if (typeof o.drawings === 'string') inputs.push({ from: 'drawings', ids: idList(o.drawings) });
  return inputs.length === 0 ? undefined : inputs;
}

/** The config fields `vcheck run recognise` flags set. */
export function recogniseFields(o: RecogniseFlags): ConfigFields {
  return { ...commonFromFlags(o), inputs: recogniseInputs(o), mode: o.mode, candidates: o.candidates };
}

/** The config fields `vcheck run correct` flags set. */
export function correctFields(o: CorrectFlags): ConfigFields {
  return {
    ...commonFromFlags(o),
    sourceRunId: o.source,
    rounds: o.rounds,
    critique: o.critique,
    feedbackErrors: o.feedbackErrors,
    onlyOk: o.includeFailed ? false : undefined,
    limit: o.limit,
  };
}

/** Parses `PATH:LANGUAGE:CONCEPT` (the path may itself hold colons; the language is a known one). */
export function recogniseFile(
  value: string,
  previous: ReadonlyArray<RecogniseFile> | undefined,
): RecogniseFile[] {
  const languages = RENDER_LANGUAGE_NAMES.join('|');
  const match = new RegExp(`^(.+):(${languages}):(.+)$`).exec(value);
  if (!match)
    throw new InvalidArgumentError(
      `expected PATH:LANGUAGE:CONCEPT with LANGUAGE one of ${RENDER_LANGUAGE_NAMES.join(', ')}.`,
    );
  const [, file = '', language = '', concept = ''] = match;
  const entry = {
    path: path.resolve(file),
    language: language as RenderLanguageName,
    concept: concept.trim(),
  };
  return [...(previous ?? []), entry];
}
