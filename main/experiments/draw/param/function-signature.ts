/**
 * A function found in model-written code: its name, where it is, and its parameter list with what
 * each parameter's default (or declared type) says about its kind. Only numeric parameters are
 * varied by the `param` strategy; the others keep what the program gives them.
 */
import type { Span } from './code-mask.js';

/** What a parameter holds, as far as the code shows. */
export type ParamKind = 'int' | 'float' | 'bool' | 'string' | 'other' | 'variadic';

/** One parameter of a function. */
export interface ParamSpec {
  readonly name: string;
  readonly kind: ParamKind;
  /** The default as written (null when the parameter has none). */
  readonly defaultText: string | null;
  /** The default's value when it is a number literal. */
  readonly defaultValue: number | null;
}

/** A function definition in a program. */
export interface FunctionSignature {
  readonly name: string;
  readonly params: ReadonlyArray<ParamSpec>;
  /** The whole definition (header and body); calls inside it are the function's own. */
  readonly span: Span;
}

/** A number literal's kind and value, or null when `text` is not one. */
export function numberLiteral(
  text: string,
): { readonly kind: 'int' | 'float'; readonly value: number } | null {
  const t = text.trim();
  if (/^[-+]?\d+$/.test(t)) return { kind: 'int', value: Number(t) };
  // Processing and Java write `1.5f`; the suffix does not change the value.
  const float = /^([-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?)[fFdD]?$/.exec(t);
  return float ? { kind: 'float', value: Number(float[1]) } : null;
}

/** The kind of a default value as written. */
export function literalKind(text: string): ParamKind {
  const t = text.trim();
  const number = numberLiteral(t);
  if (number) return number.kind;
  if (/^(True|False|true|false)$/.test(t)) return 'bool';
  if (/^[rbfu]?(['"`]).*\1$/is.test(t)) return 'string';
  return 'other';
}

/** A parameter from its name and default text. */
export function paramWithDefault(name: string, defaultText: string | null, declared?: ParamKind): ParamSpec {
  const number = defaultText === null ? null : numberLiteral(defaultText);
  const kind = declared ?? (defaultText === null ? 'other' : literalKind(defaultText));
  return { name, kind, defaultText, defaultValue: number?.value ?? null };
}

/** True when a parameter's values are numbers the strategy may scale. */
export function isNumeric(kind: ParamKind): kind is 'int' | 'float' {
  return kind === 'int' || kind === 'float';
}
