/**
 * `--config run.yaml` for `vcheck run …` and `vcheck runs rerun`: reads a YAML or JSON file,
 * resolves the paths in it against the file's folder, lays the command line's fields over it and
 * validates the result with the run config schema, so an error names the field and the file before
 * the engine is even opened.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runConfigSchema, type RunConfigInput } from '../../../shared/experiments.js';
import { CliError } from '../errors.js';

/** A plain object read from a file or built from flags. */
export type ConfigFields = Readonly<Record<string, unknown>>;

/** A config file's fields with the paths in them made absolute. */
export interface ConfigFile {
  readonly file: string;
  readonly fields: ConfigFields;
}

/** The run kinds a subcommand creates. */
export type RunSubcommandKind = 'draw' | 'recognise' | 'correct';

/** True for `{…}` (not arrays, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a YAML or JSON mapping (JSON is YAML 1.2); a parse error names the file and line. */
export async function readConfigFile(file: string): Promise<ConfigFile> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new CliError(`${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (value === null || value === undefined) return { file: absolute, fields: {} };
  if (!isPlainObject(value)) throw new CliError(`${file}: expected a mapping of run config fields`);
  return { file: absolute, fields: resolveConfigPaths(value, path.dirname(absolute)) };
}

/** Whether an embedded model reference names a file rather than a model id of the manager. */
export function looksLikePath(reference: string): boolean {
  return /\.gguf$/i.test(reference) || /[\\/]/.test(reference);
}

function resolved(value: unknown, base: string): unknown {
  return typeof value === 'string' && value.length > 0 ? path.resolve(base, value) : value;
}

function resolveModel(model: unknown, base: string): unknown {
  if (!isPlainObject(model)) return model;
  if (model['provider'] === 'recorded') return { ...model, file: resolved(model['file'], base) };
  const reference = model['model'];
  if (model['provider'] === 'embedded' && typeof reference === 'string' && looksLikePath(reference))
    return { ...model, model: resolved(reference, base) };
  return model;
}

function resolveInput(input: unknown, base: string): unknown {
  if (!isPlainObject(input) || !Array.isArray(input['files'])) return input;
  const files = input['files'].map((f: unknown) =>
    isPlainObject(f) ? { ...f, path: resolved(f['path'], base) } : f,
  );
  return { ...input, files };
}

/** Makes the file paths of a config (recorded answers, GGUF files, reference folder, code files) absolute. */
export function resolveConfigPaths(fields: ConfigFields, base: string): ConfigFields {
  const out: Record<string, unknown> = { ...fields };
  if (Array.isArray(fields['models'])) out['models'] = fields['models'].map((m) => resolveModel(m, base));
  if (Array.isArray(fields['inputs'])) out['inputs'] = fields['inputs'].map((i) => resolveInput(i, base));
  const metrics = fields['metrics'];
  if (isPlainObject(metrics) && 'reference' in metrics)
    out['metrics'] = { ...metrics, reference: resolved(metrics['reference'], base) };
  return out;
}

/** `over` laid on `base`: objects merge key by key, anything else (arrays too) replaces; undefined is no value. */
export function mergeFields(base: ConfigFields, over: ConfigFields): ConfigFields {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeFields(current, value) : value;
  }
  return out;
}

/** Hints for top-level fields that a flag sets, so a missing field says how to give it. */
const FLAG_OF: Readonly<Record<string, string>> = {
  datasetId: '--dataset',
  languages: '--language',
  models: '--model / --endpoint / --recorded',
  inputs: '--from-run, --file or --drawings',
  sourceRunId: '--source',
};

/** One line per zod issue: `field.path: message (flag)`. */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .map((issue) => {
      const field = issue.path.map(String).join('.') || '(config)';
      const top = String(issue.path[0] ?? '');
      const flag = issue.path.length === 1 && FLAG_OF[top] ? ` (${FLAG_OF[top]})` : '';
      return `${field}: ${issue.message}${flag}`;
    })
    .join('; ');
}

/**
 * The run config of a subcommand: the file's fields, then the flags, then the subcommand's kind
 * (a file naming another kind is an error), validated.
 */
export function buildRunConfig(
  kind: RunSubcommandKind,
  file: ConfigFile | null,
  flags: ConfigFields,
): RunConfigInput {
  const fileKind = file?.fields['kind'];
  if (file && fileKind !== undefined && fileKind !== kind)
    throw new CliError(
      `${file.file}: kind is ${JSON.stringify(fileKind)}, but this is \`vcheck run ${kind}\``,
    );
  const merged = mergeFields(mergeFields(file?.fields ?? {}, flags), { kind });
  const checked = runConfigSchema.safeParse(merged);
  if (!checked.success) {
    const where = file ? `${file.file} with the command-line flags` : 'the command-line flags';
    throw new CliError(`invalid ${kind} run config (${where}): ${describeIssues(checked.error.issues)}`);
  }
  return merged as RunConfigInput;
}
