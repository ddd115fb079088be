/** The one error every importer throws on bad input: where, what was expected, what was found. */
import path from 'node:path';

/** Where and why an input file is not what its importer accepts. */
export interface ImportErrorDetail {
  /** The file path as given to the importer. */
  readonly file: string;
  /** 1-based line; 0 when the file cannot be read at all (then the message names no line). */
  readonly line: number;
  /** 1-based column (in UTF-16 code units of the line), when known. */
  readonly column?: number;
  /** What the importer expected there, e.g. `a number in column Ratio`. */
  readonly expected: string;
  /** What it found, e.g. `"abc"`. */
  readonly found: string;
  /** An optional hint on how to fix it, e.g. `save it as UTF-8`. */
  readonly hint?: string;
}

/**
 * Bad input, with a one-line message that names the file and line, e.g.
 * `objectInfo150.csv:12: expected a number in column Ratio, found "abc"`.
 */
export class ImportError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number | undefined;
  readonly expected: string;
  readonly found: string;
  readonly hint: string | undefined;

  constructor(detail: ImportErrorDetail) {
    const line = detail.line > 0 ? `:${detail.line}${detail.column ? `:${detail.column}` : ''}` : '';
    const where = `${path.basename(detail.file)}${line}`;
    const hint = detail.hint ? `; ${detail.hint}` : '';
    super(`${where}: expected ${detail.expected}, found ${detail.found}${hint}`);
    this.name = 'ImportError';
    this.file = detail.file;
    this.line = detail.line;
    this.column = detail.column;
    this.expected = detail.expected;
    this.found = detail.found;
    this.hint = detail.hint;
  }
}

/** Quotes a found value for a message, shortened so the message stays one readable line. */
export function quoteFound(value: string, max = 40): string {
  const oneLine = value.replace(/\r?\n/g, '\\n');
  const cut = oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
  return JSON.stringify(cut);
}

/** Describes a parsed JSON value by its kind, for "found" texts: `a number (12)`, `an object`. */
export function describeJsonValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `a string (${quoteFound(value)})`;
    case 'number':
      return `a number (${value})`;
    case 'boolean':
      return `${value}`;
    default:
      return 'an object';
  }
}
