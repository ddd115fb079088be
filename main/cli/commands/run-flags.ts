/**
 * The flags of `vcheck run draw|recognise|correct` as run config fields. Only flags the user gave
 * appear in the result, so they override a `--config` file field by field and leave the rest of it
 * alone; defaults are the schema's, filled in by the engine.
 */
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { RENDER_LANGUAGE_NAMES, type RenderLanguageName } from '../../../shared/render.js';
import type { ConfigFields } from './run-config.js';
import { looksLikePath } from './run-config.js';

/** How the models of a run are given on the command line. */
export interface ModelFlags {
  readonly model?: ReadonlyArray<string>;
  readonly endpoint?: string;
  readonly apiKey?: string;
  readonly concurrency?: number;
  readonly recorded?: string;
  readonly threads?: number;
  readonly contextSize?: number;
}

/** Flags every run subcommand has. */
export interface CommonRunFlags extends ModelFlags {
  readonly name?: string;
  readonly seed?: number;
  readonly temperature?: number;
  readonly topP?: number;
  readonly topK?: number;
  readonly maxTokens?: number;
  readonly size?: number;
  readonly template?: { readonly id: string; readonly version?: number };
  /** Commander's `--no-fidelity`: false when given. */
  readonly fidelity?: boolean;
  readonly diversity?: boolean;
  readonly reference?: string;
}

/** `--model` (repeatable) with the provider flags → model specs; undefined when no model flag says anything. */
export function modelsFromFlags(o: ModelFlags): ReadonlyArray<ConfigFields> | undefined {
  const names = o.model ?? [];
  if (o.recorded !== undefined) {
    // Recorded answers carry their own model; a --model name only labels the samples.
    const file = path.resolve(o.recorded);
    return names.length === 0
      ? [{ provider: 'recorded', file }]
      : names.map((label) => ({ provider: 'recorded', file, label }));
  }
  if (names.length === 0) return undefined;
  if (o.endpoint !== undefined)
    return names.map((model) => ({
      provider: 'openai',
      endpoint: o.endpoint,
      model,
      apiKey: o.apiKey,
      concurrency: o.concurrency,
    }));
  return names.map((model) => ({
    provider: 'embedded',
    model: looksLikePath(model) ? path.resolve(model) : model,
    threads: o.threads,
    contextSize: o.contextSize,
  }));
}

/** The fields whose value is defined; undefined when none is (so nothing overrides a config file). */
export function definedOnly(fields: Record<string, unknown>): ConfigFields | undefined {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** The fields every run kind shares (models, sampling, seed, render size, template, metrics). */
export function commonFromFlags(o: CommonRunFlags): ConfigFields {
  return {
    name: o.name,
    models: modelsFromFlags(o),
    sampling: definedOnly({
      temperature: o.temperature,
      topP: o.topP,
      topK: o.topK,
      maxTokens: o.maxTokens,
    }),
    seed: o.seed,
    renderSize: o.size,
    template: o.template,
    metrics: definedOnly({
      fidelity: o.fidelity === false ? false : undefined,
      diversity: o.diversity === false ? false : undefined,
      reference: o.reference === undefined ? undefined : path.resolve(o.reference),
    }),
  };
}

/** A number in [min, max] (decimals allowed). */
export function numberIn(min: number, max: number): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max)
      throw new InvalidArgumentError(`expected a number from ${min} to ${max}.`);
    return n;
  };
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: ReadonlyArray<string> | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `svg,p5js` (repeatable) → the languages, each checked against the render languages. */
export function collectLanguages(
  value: string,
  previous: ReadonlyArray<RenderLanguageName> | undefined,
): RenderLanguageName[] {
  const names = value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  const known: ReadonlyArray<string> = RENDER_LANGUAGE_NAMES;
  const unknown = names.filter((n) => !known.includes(n));
  if (names.length === 0 || unknown.length > 0)
    throw new InvalidArgumentError(
      `unknown language ${unknown.join(', ') || '(none)'}; expected ${RENDER_LANGUAGE_NAMES.join(', ')}.`,
    );
  return [...(previous ?? []), ...(names as RenderLanguageName[])];
}

/** `draw` or `draw@2` → a template reference. */
export function templateRef(value: string): { id: string; version?: number } {
  const match = /^([^@\s]+)(?:@(\d+))?$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError('expected ID or ID@VERSION.');
  const [, id = '', version] = match;
  return version === undefined ? { id } : { id, version: Number(version) };
}
