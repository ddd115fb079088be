/**
 * Python function definitions (matplotlib and turtle answers): `def name(params):` at any depth,
 * its parameters with defaults and annotations, and the extent of its indented body. Methods
 * (first parameter `self` or `cls`) are left out: the strategy varies a drawing function.
 */
import { findClose, splitTopLevel, type Span } from './code-mask.js';
import {
  paramWithDefault,
  type FunctionSignature,
  type ParamKind,
  type ParamSpec,
} from './function-signature.js';

const DEF = /^([ \t]*)(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm;

function indentOf(line: string): number {
  return (/^[ \t]*/.exec(line)?.[0] ?? '').replace(/\t/g, '    ').length;
}

/** Where the body of a def whose header ends at `headerEnd` ends: the first less-indented code line. */
function bodyEnd(mask: string, headerEnd: number, indent: number): number {
  let at = mask.indexOf('\n', headerEnd);
  while (at >= 0) {
    const next = mask.indexOf('\n', at + 1);
    const line = mask.slice(at + 1, next < 0 ? mask.length : next);
    if (line.trim() !== '' && indentOf(line) <= indent) return at + 1;
    at = next;
  }
  return mask.length;
}

function declaredKind(annotation: string): ParamKind | undefined {
  const t = annotation.trim();
  if (t === 'int') return 'int';
  if (t === 'float') return 'float';
  if (t === 'bool') return 'bool';
  if (t === 'str') return 'string';
  return undefined;
}

function parseParam(code: string, mask: string, span: Span): ParamSpec | null {
  const text = mask.slice(span.start, span.end);
  const trimmed = text.trim();
  if (trimmed === '/' || trimmed.startsWith('*')) {
    return { name: trimmed.replace(/^\*+/, ''), kind: 'variadic', defaultText: null, defaultValue: null };
  }
  const eq = text.search(/=(?!=)/);
  const head = eq < 0 ? text : text.slice(0, eq);
  const [name = '', annotation = ''] = head.split(':');
  if (!/^\s*[A-Za-z_]\w*\s*$/.test(name)) return null;
  const defaultText = eq < 0 ? null : code.slice(span.start + eq + 1, span.end).trim();
  return paramWithDefault(name.trim(), defaultText, declaredKind(annotation));
}

/** Every function defined in a Python program (mask from `maskCode(code, 'python')`). */
export function pythonFunctions(code: string, mask: string): FunctionSignature[] {
  const found: FunctionSignature[] = [];
  for (const match of mask.matchAll(DEF)) {
    const open = match.index + match[0].length - 1;
    const close = findClose(mask, open);
    if (close < 0) continue;
    const params = splitTopLevel(mask, open + 1, close).map((s) => parseParam(code, mask, s));
    if (params.some((p) => p === null)) continue;
    const list = params as ParamSpec[];
    if (list[0] && (list[0].name === 'self' || list[0].name === 'cls')) continue;
    const start = match.index + (match[1]?.length ?? 0);
    found.push({
      name: match[2]!,
      params: list,
      span: { start, end: bodyEnd(mask, close, indentOf(match[1] ?? '')) },
    });
  }
  return found;
}
