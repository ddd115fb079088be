/**
 * An incremental JSON tokenizer: text goes in chunk by chunk, tokens come out with their line and
 * column, and no more than one token is ever buffered. It is what lets a 100 MB single-line COCO
 * file be read in constant memory, and it locates syntax errors exactly.
 */
import { ImportError, quoteFound } from './import-error.js';

/** Token kinds: the six punctuators, a string, or a scalar (number, true, false, null). */
export type JsonTokenKind = '{' | '}' | '[' | ']' | ':' | ',' | 'string' | 'scalar';

/** Receives each token; `value` is set for strings and scalars. */
export type JsonTokenSink = (kind: JsonTokenKind, value: unknown, line: number, column: number) => void;

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters inside strings.
const CONTROL = /[\u0000-\u001f]/;
const NUMBER_CHAR = /[0-9eE.+-]/;
const PUNCTUATION = '{}[]:,';

type Mode = 'between' | 'string' | 'number' | 'literal';

/**
 * Tokenizes JSON text fed through {@link JsonTokenizer.write}; call {@link JsonTokenizer.end} last.
 * `firstLine` numbers the first line of the text (e.g. its line within a JSONL file).
 */
export class JsonTokenizer {
  private mode: Mode = 'between';
  private buffer = '';
  private escaped = false;
  private pendingEscape = false;
  private line: number;
  private lineStart = 0;
  private base = 0;
  private tokenLine = 1;
  private tokenColumn = 1;

  constructor(
    private readonly file: string,
    private readonly sink: JsonTokenSink,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  /** Feeds the next chunk of text. */
  write(chunk: string): void {
    let i = 0;
    let nextBackslash = -2;
    while (i < chunk.length) {
      if (this.mode === 'string') {
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = chunk.indexOf('\\', i);
        i = this.scanString(chunk, i, nextBackslash);
      } else if (this.mode === 'number' || this.mode === 'literal') {
        i = this.scanWord(chunk, i);
      } else {
        i = this.scanBetween(chunk, i);
      }
    }
    this.base += chunk.length;
  }

  /** Where the tokenizer is: the line and column just past the text written so far. */
  position(): { readonly line: number; readonly column: number } {
    return { line: this.line, column: this.base - this.lineStart + 1 };
  }

  /** Signals the end of the text: finishes the last token or reports it cut off. */
  end(): void {
    if (this.mode === 'string') {
      this.fail(
        'a closing quote of the string that starts here',
        'the end of the file',
        this.tokenLine,
        this.tokenColumn,
      );
    }
    if (this.mode !== 'between') this.finishWord();
  }

  /** 1-based column of offset `i` of the current chunk. */
  private column(i: number): number {
    return this.base + i - this.lineStart + 1;
  }

  private scanBetween(chunk: string, i: number): number {
    const code = chunk.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x0d) return i + 1;
    if (code === 0x0a) {
      this.line += 1;
      this.lineStart = this.base + i + 1;
      return i + 1;
    }
    const char = chunk[i] as string;
    this.tokenLine = this.line;
    this.tokenColumn = this.column(i);
    if (PUNCTUATION.includes(char)) {
      this.sink(char as JsonTokenKind, undefined, this.tokenLine, this.tokenColumn);
      return i + 1;
    }
    this.buffer = '';
    if (char === '"') {
      this.mode = 'string';
      this.escaped = false;
      return i + 1;
    }
    if (char === '-' || (code >= 0x30 && code <= 0x39)) this.mode = 'number';
    else if (code >= 0x61 && code <= 0x7a) this.mode = 'literal';
    else this.fail('a JSON value', quoteFound(char), this.tokenLine, this.tokenColumn);
    return i;
  }

  /** Consumes string content up to the closing quote or the end of the chunk. */
  private scanString(chunk: string, i: number, nextBackslash: number): number {
    if (this.pendingEscape) {
      this.buffer += chunk[i];
      this.pendingEscape = false;
      return i + 1;
    }
    const quote = chunk.indexOf('"', i);
    if (nextBackslash >= 0 && (quote < 0 || nextBackslash < quote)) {
      this.escaped = true;
      const upTo = Math.min(nextBackslash + 2, chunk.length);
      this.appendString(chunk.slice(i, upTo), i);
      this.pendingEscape = upTo === chunk.length && nextBackslash + 1 === chunk.length;
      return upTo;
    }
    if (quote < 0) {
      this.appendString(chunk.slice(i), i);
      return chunk.length;
    }
    this.appendString(chunk.slice(i, quote), i);
    this.finishString();
    return quote + 1;
  }

  private appendString(segment: string, at: number): void {
    const bad = CONTROL.exec(segment);
    if (bad) {
      const found =
        bad[0] === '\n'
          ? 'a line break'
          : `the control character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')}`;
      this.fail(
        'a closing quote, or an escape sequence for a control character',
        found,
        this.line,
        this.column(at + bad.index),
      );
    }
    this.buffer += segment;
  }

  private finishString(): void {
    let value = this.buffer;
    if (this.escaped) {
      try {
        value = JSON.parse(`"${this.buffer}"`) as string;
      } catch {
        this.fail(
          'valid escape sequences (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
          `the string ${quoteFound(this.buffer)}`,
          this.tokenLine,
          this.tokenColumn,
        );
      }
    }
    this.mode = 'between';
    this.buffer = '';
    this.sink('string', value, this.tokenLine, this.tokenColumn);
  }

  /** Consumes the characters of a number or literal up to the first that cannot belong to it. */
  private scanWord(chunk: string, i: number): number {
    const allowed = this.mode === 'number' ? NUMBER_CHAR : /[a-z]/;
    let j = i;
    while (j < chunk.length && allowed.test(chunk[j] as string)) j += 1;
    this.buffer += chunk.slice(i, j);
    if (j < chunk.length) this.finishWord();
    return j;
  }

  private finishWord(): void {
    const word = this.buffer;
    let value: unknown;
    if (this.mode === 'number') {
      if (!NUMBER.test(word)) this.fail('a number', quoteFound(word), this.tokenLine, this.tokenColumn);
      value = Number(word);
    } else if (word === 'true' || word === 'false' || word === 'null') {
      value = word === 'null' ? null : word === 'true';
    } else {
      this.fail(
        'a JSON value (true, false, null, a number, a string, an object or an array)',
        quoteFound(word),
        this.tokenLine,
        this.tokenColumn,
      );
    }
    this.mode = 'between';
    this.buffer = '';
    this.sink('scalar', value, this.tokenLine, this.tokenColumn);
  }

  private fail(expected: string, found: string, line: number, column: number): never {
    throw new ImportError({ file: this.file, line, column, expected, found });
  }
}
