/**
 * TikZ "functions": macros with arguments, `\newcommand{\name}[n][default]{…}` (also
 * `\renewcommand`, the starred forms and `\def\name#1#2{…}`), and their uses `\name[opt]{a}{b}`.
 * A TeX macro has no types and (but for the optional first argument) no defaults: the kinds and
 * values come from the uses, like Processing's. Only braces group in TeX, so groups are matched
 * on `{}` alone (`\{` and `\}` are text).
 */
import type { Span } from './code-mask.js';
import type { CallArgument, CallSite } from './call-sites.js';
import { paramWithDefault, type FunctionSignature } from './function-signature.js';

const NEWCOMMAND =
  /\\(?:re|provide)?newcommand\*?\s*(?:\{\s*\\([A-Za-z@]+)\s*\}|\\([A-Za-z@]+))\s*(?:\[\s*(\d)\s*\])?\s*(?:\[([^\]]*)\])?\s*\{/g;
const DEF = /\\[gex]?def\s*\\([A-Za-z@]+)((?:#\d)*)\s*\{/g;

/** The `}` closing the `{` at `open` (TeX groups: braces only), or -1. */
export function texGroupClose(mask: string, open: number): number {
  let depth = 0;
  for (let i = open; i < mask.length; i += 1) {
    const c = mask[i];
    if (mask[i - 1] === '\\') continue;
    if (c === '{') depth += 1;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

function macro(
  code: string,
  mask: string,
  match: RegExpExecArray,
  name: string,
  count: number,
  optional: string | undefined,
): FunctionSignature | null {
  const open = match.index + match[0].length - 1;
  const close = texGroupClose(mask, open);
  if (close < 0 || count === 0) return null;
  const params = Array.from({ length: count }, (_, i) =>
    paramWithDefault(`#${i + 1}`, i === 0 && optional !== undefined ? optional.trim() : null),
  );
  return { name, params, span: { start: match.index, end: close + 1 } };
}

/** Every macro with arguments a TikZ answer defines (mask from `maskCode(code, 'tex')`). */
export function tikzMacros(code: string, mask: string): FunctionSignature[] {
  const found: FunctionSignature[] = [];
  for (const m of mask.matchAll(NEWCOMMAND)) {
    const fn = macro(code, mask, m, m[1] ?? m[2]!, Number(m[3] ?? 0), m[4]);
    if (fn) found.push(fn);
  }
  for (const m of mask.matchAll(DEF)) {
    const fn = macro(code, mask, m, m[1]!, (m[2] ?? '').length / 2, undefined);
    if (fn) found.push(fn);
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

function group(code: string, mask: string, at: number, open: string, close: number): CallArgument {
  const span: Span = { start: at + open.length, end: close };
  return { span, keyword: null, value: code.slice(span.start, span.end).trim(), spread: false };
}

/** One use of a macro at `from` (just after its name), or null when its arguments are not all there. */
function use(code: string, mask: string, fn: FunctionSignature, from: number): CallSite | null {
  const args: CallArgument[] = [];
  let at = from;
  const skip = (): void => {
    while (/\s/.test(mask[at] ?? '')) at += 1;
  };
  if (fn.params[0]?.defaultText != null) {
    skip();
    if (mask[at] === '[') {
      const close = mask.indexOf(']', at);
      if (close < 0) return null;
      args.push(group(code, mask, at, '[', close));
      at = close + 1;
    } else args.push({ span: { start: from, end: from }, keyword: null, value: '', spread: false });
  }
  while (args.length < fn.params.length) {
    skip();
    if (mask[at] !== '{') return null;
    const close = texGroupClose(mask, at);
    if (close < 0) return null;
    args.push(group(code, mask, at, '{', close));
    at = close + 1;
  }
  return { inner: { start: from, end: at }, args };
}

/** The uses of a macro outside its definition. */
export function tikzMacroUses(code: string, mask: string, fn: FunctionSignature): CallSite[] {
  const sites: CallSite[] = [];
  for (const m of mask.matchAll(new RegExp(`\\\\${fn.name.replace(/@/g, '\\@')}(?![A-Za-z@])`, 'g'))) {
    if (m.index >= fn.span.start && m.index < fn.span.end) continue;
    const site = use(code, mask, fn, m.index + m[0].length);
    if (site) sites.push(site);
  }
  return sites;
}
