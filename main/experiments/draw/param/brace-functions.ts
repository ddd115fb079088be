/**
 * Function definitions in the brace languages: p5.js (`function name(a = 1) {…}`, and
 * `const name = (a = 1) => {…}` or `= function (…) {…}`) and Processing (`void name(float a) {…}`,
 * typed and without defaults: the kinds come from the types, the values from the call sites).
 */
import { findClose, splitTopLevel, type Span } from './code-mask.js';
import {
  paramWithDefault,
  type FunctionSignature,
  type ParamKind,
  type ParamSpec,
} from './function-signature.js';

const JS_DECLARATION = /(?<![\w$.])function[ \t]*\*?[ \t]*([A-Za-z_$][\w$]*)[ \t]*\(/g;
const JS_EXPRESSION =
  /(?<![\w$.])(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)[ \t]*=[ \t]*(?:function[ \t]*[\w$]*[ \t]*)?\(/g;
const PROCESSING_METHOD =
  /(?<![\w.])(?:(?:public|private|protected|static|final)[ \t]+)*([A-Za-z_]\w*(?:[ \t]*\[[ \t]*\])*)[ \t]+([A-Za-z_]\w*)[ \t]*\(/g;
const NOT_TYPES = new Set(['new', 'return', 'else', 'if', 'for', 'while', 'switch', 'catch', 'case']);

/** The `{` that opens a body after a parameter list (skipping `=>` and whitespace), or -1. */
function bodyOpen(mask: string, close: number, arrow: boolean): number {
  const rest = mask.slice(close + 1);
  const head = arrow ? /^\s*=>\s*\{/.exec(rest) : /^\s*\{/.exec(rest);
  return head ? close + head[0].length : -1;
}

function jsParam(code: string, mask: string, span: Span): ParamSpec | null {
  const text = mask.slice(span.start, span.end);
  if (text.trim().startsWith('...')) {
    return { name: text.trim().slice(3), kind: 'variadic', defaultText: null, defaultValue: null };
  }
  const eq = text.search(/=(?![=>])/);
  const name = (eq < 0 ? text : text.slice(0, eq)).trim();
  // Destructured parameters (`{ x = 1 } = {}`) are kept as they are, never varied.
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return { name, kind: 'other', defaultText: null, defaultValue: null };
  return paramWithDefault(name, eq < 0 ? null : code.slice(span.start + eq + 1, span.end).trim());
}

function processingKind(type: string): ParamKind {
  if (/^(int|long|short|byte)$/.test(type)) return 'int';
  if (/^(float|double)$/.test(type)) return 'float';
  if (type === 'boolean') return 'bool';
  if (type === 'String' || type === 'char') return 'string';
  return 'other';
}

function processingParam(mask: string, span: Span): ParamSpec | null {
  const parts = /^\s*(?:final\s+)?([A-Za-z_]\w*(?:\s*\[\s*\])*)\s+([A-Za-z_]\w*)\s*$/.exec(
    mask.slice(span.start, span.end),
  );
  if (!parts) return null;
  return paramWithDefault(parts[2]!, null, processingKind(parts[1]!.replace(/\s/g, '')));
}

type ParamReader = (span: Span) => ParamSpec | null;

function collect(
  mask: string,
  pattern: RegExp,
  nameGroup: number,
  arrow: boolean,
  read: ParamReader,
  accept: (match: RegExpExecArray) => boolean = () => true,
): FunctionSignature[] {
  const found: FunctionSignature[] = [];
  for (const match of mask.matchAll(pattern)) {
    if (!accept(match)) continue;
    const open = match.index + match[0].length - 1;
    const close = findClose(mask, open);
    const brace = close < 0 ? -1 : bodyOpen(mask, close, arrow);
    const end = brace < 0 ? -1 : findClose(mask, brace);
    if (end < 0) continue;
    const params = splitTopLevel(mask, open + 1, close).map(read);
    if (params.some((p) => p === null)) continue;
    const name = match[nameGroup]!;
    found.push({ name, params: params as ParamSpec[], span: { start: match.index, end: end + 1 } });
  }
  return found;
}

/** Every function defined in a p5.js sketch (mask from `maskCode(code, 'c-like')`). */
export function javascriptFunctions(code: string, mask: string): FunctionSignature[] {
  const read: ParamReader = (span) => jsParam(code, mask, span);
  return [
    ...collect(mask, JS_DECLARATION, 1, false, read),
    ...collect(mask, JS_EXPRESSION, 1, true, read),
    ...collect(mask, JS_EXPRESSION, 1, false, read),
  ].sort((a, b) => a.span.start - b.span.start);
}

/** Every method defined in a Processing sketch (mask from `maskCode(code, 'c-like')`). */
export function processingFunctions(mask: string): FunctionSignature[] {
  const read: ParamReader = (span) => processingParam(mask, span);
  return collect(mask, PROCESSING_METHOD, 2, false, read, (m) => !NOT_TYPES.has(m[1]!));
}
