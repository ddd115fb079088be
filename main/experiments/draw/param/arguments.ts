/**
 * Argument settings of a parametrized function and the program that draws each one. A setting is
 * one seeded factor in [0.5, 1.5] per varied parameter; at every call the parameter's value (the
 * number passed there, else its default) is scaled by it — integers stay integral, and stay ≥ 1
 * where they were ≥ 1 (counts). A value passed as an expression is scaled as `(expr) * factor`,
 * wrapped in `round(…)` for an integer (Python, p5.js and Processing all have a global `round`). Several calls (three trees at three places) keep their layout:
 * each is scaled from its own values. A Python function that is never called gets a call appended.
 */
import { createRng } from '../../../datasets/shapes/rng.js';
import { argumentFor, type CallSite } from './call-sites.js';
import type { CodeSyntax } from './code-mask.js';
import { numberLiteral } from './function-signature.js';
import type { ParamPlan } from './parametrize.js';

/** A parameter as a setting records it (the function's whole list, varied or not). */
export interface SettingParameter {
  readonly name: string;
  readonly kind: string;
  /** The default as written, or null. */
  readonly default: string | null;
}

/** What one setting drew: the function and its parameters, the values of its first call, and the factors. */
export interface SettingArgs {
  readonly function: string;
  readonly parameters: ReadonlyArray<SettingParameter>;
  readonly values: Readonly<Record<string, number | string>>;
  readonly factors: Readonly<Record<string, number>>;
}

/** A setting's program and its arguments. */
export interface SettingProgram {
  readonly code: string;
  readonly args: SettingArgs;
}

/** One factor in [0.5, 1.5] (3 decimals) per varied parameter, from a setting's seed. */
export function settingFactors(count: number, seed: number): number[] {
  const rng = createRng(seed, 0x9a7a);
  return Array.from({ length: count }, () => Math.round((0.5 + rng.nextU32() / 2 ** 32) * 1000) / 1000);
}

/** `value` scaled by `factor`: 4 significant digits for floats; integers rounded, ≥ 1 when they were. */
export function scaleValue(value: number, kind: 'int' | 'float', factor: number): number {
  if (kind === 'float') return Number((value * factor).toPrecision(4));
  const scaled = Math.round(value * factor);
  return value >= 1 ? Math.max(1, scaled) : scaled;
}

function formatNumber(value: number, kind: 'int' | 'float', syntax: CodeSyntax): string {
  // `2.0` keeps a Python float a float (`range(size)` would accept an int, not the other way round).
  if (kind === 'float' && Number.isInteger(value) && syntax === 'python') return `${value}.0`;
  return String(value);
}

/** The new text of a value at a call, with what it stands for. */
function scaledText(
  text: string,
  kind: 'int' | 'float',
  factor: number,
  syntax: CodeSyntax,
): { readonly text: string; readonly value: number | string } {
  const literal = numberLiteral(text);
  if (literal) {
    const value = scaleValue(literal.value, kind, factor);
    return { text: formatNumber(value, kind, syntax), value };
  }
  const scaled = `(${text}) * ${factor}`;
  const expression = kind === 'int' ? `round(${scaled})` : scaled;
  return { text: expression, value: expression };
}

type RewrittenCall = { readonly text: string; readonly values: Record<string, number | string> };

/**
 * A TikZ macro use: each argument group's number replaced in place (an absent optional argument is
 * inserted from its default); expressions and macros in arguments stay as written.
 */
function rewriteTexUse(plan: ParamPlan, site: CallSite, factors: ReadonlyArray<number>): RewrittenCall {
  const edits: { start: number; end: number; text: string }[] = [];
  const values: Record<string, number | string> = {};
  plan.varied.forEach((index, j) => {
    const arg = site.args[index];
    const param = plan.fn.params[index]!;
    if (!arg) return;
    const absent = arg.span.start === arg.span.end;
    const base = absent ? param.defaultValue : (numberLiteral(arg.value)?.value ?? null);
    if (base === null) return;
    const value = scaleValue(base, plan.kinds[j]!, factors[j]!);
    values[param.name] = value;
    edits.push({ ...arg.span, text: absent ? `[${value}]` : String(value) });
  });
  let text = plan.code.slice(site.inner.start, site.inner.end);
  for (const edit of edits.sort((a, b) => b.start - a.start))
    text = text.slice(0, edit.start - site.inner.start) + edit.text + text.slice(edit.end - site.inner.start);
  return { text, values };
}

function rewriteCall(plan: ParamPlan, site: CallSite, factors: ReadonlyArray<number>): RewrittenCall {
  const { code, fn, syntax } = plan;
  if (syntax === 'tex') return rewriteTexUse(plan, site, factors);
  const args = site.args.map((a) => code.slice(a.span.start, a.span.end));
  const add = (piece: string): void => {
    args.push(args.length === 0 ? piece : ` ${piece}`);
  };
  const values: Record<string, number | string> = {};
  plan.varied.forEach((index, j) => {
    const param = fn.params[index]!;
    const kind = plan.kinds[j]!;
    const bound = argumentFor(site, fn, index);
    const next = bound
      ? scaledText(bound.arg.value, kind, factors[j]!, syntax)
      : param.defaultValue === null || site.args.some((a) => a.spread)
        ? null
        : scaledText(String(param.defaultValue), kind, factors[j]!, syntax);
    if (!next) return;
    values[param.name] = next.value;
    if (bound) {
      const lead = /^\s*/.exec(args[bound.index]!)?.[0] ?? '';
      args[bound.index] = `${lead}${bound.arg.keyword ? `${bound.arg.keyword}=` : ''}${next.text}`;
    } else if (syntax === 'python') add(`${param.name}=${next.text}`);
    else {
      // JavaScript has no keywords: `undefined` keeps the defaults of the parameters before it.
      while (args.length < index) add('undefined');
      add(next.text);
    }
  });
  return { text: args.join(','), values };
}

function described(plan: ParamPlan): Pick<SettingArgs, 'function' | 'parameters'> {
  const parameters = plan.fn.params.map((p) => ({ name: p.name, kind: p.kind, default: p.defaultText }));
  return { function: plan.fn.name, parameters };
}

/** The program that draws one setting of a plan. */
export function settingProgram(plan: ParamPlan, factors: ReadonlyArray<number>): SettingProgram {
  const factorsByName = Object.fromEntries(plan.varied.map((i, j) => [plan.fn.params[i]!.name, factors[j]!]));
  if (plan.calls.length === 0) {
    const call = rewriteCall(plan, { inner: { start: 0, end: 0 }, args: [] }, factors);
    const code = `${plan.code.replace(/\s*$/, '')}\n\n${plan.fn.name}(${call.text})\n`;
    return { code, args: { ...described(plan), values: call.values, factors: factorsByName } };
  }
  let code = plan.code;
  let first: Record<string, number | string> = {};
  // From the last call to the first, so that earlier positions stay valid.
  [...plan.calls].reverse().forEach((site, i, all) => {
    const call = rewriteCall(plan, site, factors);
    code = code.slice(0, site.inner.start) + call.text + code.slice(site.inner.end);
    if (i === all.length - 1) first = call.values;
  });
  return { code, args: { ...described(plan), values: first, factors: factorsByName } };
}
