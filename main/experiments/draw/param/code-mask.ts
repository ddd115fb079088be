/**
 * Reading model-written code without a parser: a mask of the code (same length, same line breaks)
 * in which strings and comments are blanked out, so that brackets, commas and names can be found
 * with plain searches and every position still points into the original text.
 */

/** The comment and string rules of a language family. */
export type CodeSyntax = 'python' | 'c-like' | 'tex';

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/** Where a string or comment that starts at `i` ends (exclusive), or -1 when none starts there. */
function literalEnd(code: string, i: number, syntax: CodeSyntax): number {
  const c = code[i]!;
  // TeX has comments (`%`, but not `\%`) and no strings.
  if (syntax === 'tex') return c === '%' && code[i - 1] !== '\\' ? lineEnd(code, i) : -1;
  const two = code.slice(i, i + 2);
  if (syntax === 'python' && c === '#') return lineEnd(code, i);
  if (syntax === 'c-like' && two === '//') return lineEnd(code, i);
  if (syntax === 'c-like' && two === '/*') {
    const close = code.indexOf('*/', i + 2);
    return close < 0 ? code.length : close + 2;
  }
  if (syntax === 'python' && (code.startsWith('"""', i) || code.startsWith("'''", i))) {
    const close = code.indexOf(code.slice(i, i + 3), i + 3);
    return close < 0 ? code.length : close + 3;
  }
  const quotes = syntax === 'python' ? `'"` : '\'"`';
  if (!quotes.includes(c)) return -1;
  for (let j = i + 1; j < code.length; j += 1) {
    if (code[j] === '\\') j += 1;
    else if (code[j] === c) return j + 1;
    // An unclosed one-line string ends at the line break (template literals may span lines).
    else if (code[j] === '\n' && c !== '`') return j;
  }
  return code.length;
}

function lineEnd(code: string, i: number): number {
  const end = code.indexOf('\n', i);
  return end < 0 ? code.length : end;
}

/** `code` with strings and comments replaced by spaces (line breaks kept). */
export function maskCode(code: string, syntax: CodeSyntax): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const end = literalEnd(code, i, syntax);
    if (end < 0) {
      out += code[i];
      i += 1;
    } else {
      // Keep the quotes themselves, so an empty string argument is still visible as an argument.
      const text = code.slice(i, end);
      const quoted = /^['"`]/.test(text)
        ? `${text[0]}${blank(text.slice(1, -1))}${text.at(-1)}`
        : blank(text);
      out += text.length < 2 ? blank(text) : quoted;
      i = end;
    }
  }
  return out;
}

/** The index of the bracket closing the one at `open` in a mask, or -1 when it is never closed. */
export function findClose(mask: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < mask.length; i += 1) {
    const c = mask[i]!;
    if (OPENERS[c]) stack.push(OPENERS[c]);
    else if (CLOSERS.has(c)) {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

/** A piece of text between two positions. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The comma-separated pieces of `mask[start, end)` at bracket depth 0 (empty input → none). */
export function splitTopLevel(mask: string, start: number, end: number): Span[] {
  if (mask.slice(start, end).trim() === '') return [];
  const pieces: Span[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i += 1) {
    const c = mask[i]!;
    if (OPENERS[c]) depth += 1;
    else if (CLOSERS.has(c)) depth -= 1;
    else if (c === ',' && depth === 0) {
      pieces.push({ start: from, end: i });
      from = i + 1;
    }
  }
  // A trailing comma (`f(a, b,)`) adds no argument.
  if (mask.slice(from, end).trim() !== '') pieces.push({ start: from, end });
  return pieces;
}
