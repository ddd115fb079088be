/**
 * The changes of `vcheck runs rerun RUN --set key=value … [--config changes.yaml]`: dotted keys
 * nest (`sampling.temperature=0.2`), values are JSON when they parse as JSON (numbers, booleans,
 * arrays, objects) and strings otherwise; `--set` wins over the file.
 */
import { InvalidArgumentError } from 'commander';
import { mergeFields, type ConfigFields } from './run-config.js';

/** One `--set` assignment: a path of keys and its value. */
export interface Assignment {
  readonly keys: ReadonlyArray<string>;
  readonly value: unknown;
}

/** `5` → 5, `true` → true, `[1,2]` → [1, 2], `svg` → 'svg'. */
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Parses `a.b.c=value`. */
export function parseAssignment(text: string): Assignment {
  const eq = text.indexOf('=');
  const keys = (eq === -1 ? '' : text.slice(0, eq)).split('.').map((k) => k.trim());
  if (eq === -1 || keys.some((k) => !/^[A-Za-z_][\w-]*$/.test(k)))
    throw new InvalidArgumentError(
      `expected key=value with a dotted key (e.g. sampling.temperature=0.2), got "${text}".`,
    );
  return { keys, value: parseValue(text.slice(eq + 1)) };
}

/** Collects repeatable `--set` options. */
export function collectAssignment(
  text: string,
  previous: ReadonlyArray<Assignment> | undefined,
): Assignment[] {
  return [...(previous ?? []), parseAssignment(text)];
}

function nested(keys: ReadonlyArray<string>, value: unknown): ConfigFields {
  const [first = '', ...rest] = keys;
  return { [first]: rest.length === 0 ? value : nested(rest, value) };
}

/** The changes object: the file's fields, then each assignment in order (a later one wins). */
export function buildChanges(file: ConfigFields, assignments: ReadonlyArray<Assignment>): ConfigFields {
  return assignments.reduce<ConfigFields>(
    (changes, a) => mergeFields(changes, nested(a.keys, a.value)),
    file,
  );
}
