/**
 * The places a program calls a function from outside the function's own body, with each argument
 * bound to a parameter (by position, or by keyword in Python). These are the calls a setting
 * rewrites; recursive calls inside the body are left alone.
 */
import { findClose, splitTopLevel, type CodeSyntax, type Span } from './code-mask.js';
import type { FunctionSignature } from './function-signature.js';
import { tikzMacroUses } from './tikz-macros.js';

/** One argument as written. */
export interface CallArgument {
  readonly span: Span;
  /** The keyword it is passed by (Python), or null when positional. */
  readonly keyword: string | null;
  /** The value's text (after `name=` for a keyword). */
  readonly value: string;
  /** `*xs`, `**kw` or `...xs`: positions after it are unknown. */
  readonly spread: boolean;
}

/** A call of the function. */
export interface CallSite {
  /** Between the parentheses. */
  readonly inner: Span;
  readonly args: ReadonlyArray<CallArgument>;
}

function escapeName(name: string): string {
  return name.replace(/\$/g, '\\$');
}

function argumentOf(code: string, mask: string, span: Span, syntax: CodeSyntax): CallArgument {
  const text = mask.slice(span.start, span.end);
  const keyword = syntax === 'python' ? /^\s*([A-Za-z_]\w*)\s*=(?!=)/.exec(text) : null;
  const valueStart = keyword ? span.start + keyword[0].length : span.start;
  return {
    span,
    keyword: keyword?.[1] ?? null,
    value: code.slice(valueStart, span.end).trim(),
    spread: /^\s*(\*|\.\.\.)/.test(text),
  };
}

/** Calls of `fn` outside its definition. */
export function callSites(code: string, mask: string, fn: FunctionSignature, syntax: CodeSyntax): CallSite[] {
  if (syntax === 'tex') return tikzMacroUses(code, mask, fn);
  const pattern = new RegExp(`(?<![\\w$.])${escapeName(fn.name)}[ \\t]*\\(`, 'g');
  const sites: CallSite[] = [];
  for (const match of mask.matchAll(pattern)) {
    if (match.index >= fn.span.start && match.index < fn.span.end) continue;
    const before = mask.slice(Math.max(0, match.index - 12), match.index);
    // Another definition with the same name (an overload, or `def name` of a nested twin).
    if (/(def|function|void|int|float)\s+$/.test(before)) continue;
    const open = match.index + match[0].length - 1;
    const close = findClose(mask, open);
    if (close < 0) continue;
    const args = splitTopLevel(mask, open + 1, close).map((s) => argumentOf(code, mask, s, syntax));
    sites.push({ inner: { start: open + 1, end: close }, args });
  }
  return sites;
}

/** The argument a call gives a parameter (by keyword, else by position), or null. */
export function argumentFor(
  site: CallSite,
  fn: FunctionSignature,
  paramIndex: number,
): { readonly index: number; readonly arg: CallArgument } | null {
  const name = fn.params[paramIndex]?.name;
  const byKeyword = site.args.findIndex((a) => a.keyword === name);
  if (byKeyword >= 0) return { index: byKeyword, arg: site.args[byKeyword]! };
  // Parameters after `*args` (or a bare `*`) take keywords only.
  const variadicAt = fn.params.findIndex((p) => p.kind === 'variadic');
  if (variadicAt >= 0 && variadicAt < paramIndex) return null;
  const positional = site.args.filter((a) => a.keyword === null);
  const spreadAt = positional.findIndex((a) => a.spread);
  if (spreadAt >= 0 && spreadAt <= paramIndex) return null;
  const arg = positional[paramIndex];
  return arg ? { index: site.args.indexOf(arg), arg } : null;
}
