/**
 * A streaming RFC 4180 record reader: quoted fields may hold delimiters, doubled quotes and line
 * breaks; CRLF and LF both end a record; blank lines are skipped. A quote inside an unquoted field
 * is kept literally (common in TSV). It holds at most one record in memory.
 */
import { ImportError, quoteFound } from './import-error.js';

/** One record: its fields and the line it starts on. */
export interface CsvRecord {
  readonly fields: readonly string[];
  /** 1-based line where the record starts. */
  readonly line: number;
}

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted';

/** Reads records from `chunks` of text separated by `delimiter` (one character). */
export async function* csvRecords(
  chunks: AsyncIterable<string>,
  file: string,
  delimiter: string,
): AsyncGenerator<CsvRecord> {
  const reader = new CsvRecordReader(file, delimiter);
  for await (const chunk of chunks) yield* reader.push(chunk);
  yield* reader.end();
}

class CsvRecordReader {
  private state: State = 'fieldStart';
  private fields: string[] = [];
  private field = '';
  private line = 1;
  private column = 0;
  private recordLine = 1;
  private quoteLine = 1;
  private touched = false;

  constructor(
    private readonly file: string,
    private readonly delimiter: string,
  ) {}

  *push(chunk: string): Generator<CsvRecord> {
    for (const char of chunk) {
      this.column += 1;
      const record = this.step(char);
      if (char === '\n') {
        this.line += 1;
        this.column = 0;
      }
      if (record) yield record;
    }
  }

  *end(): Generator<CsvRecord> {
    if (this.state === 'quoted') {
      throw new ImportError({
        file: this.file,
        line: this.quoteLine,
        expected: 'a closing quote for the field opened on this line',
        found: 'the end of the file',
      });
    }
    const record = this.finishRecord();
    if (record) yield record;
  }

  private step(char: string): CsvRecord | null {
    if (!this.touched) {
      this.touched = true;
      this.recordLine = this.line;
    }
    switch (this.state) {
      case 'quoted':
        if (char === '"') this.state = 'quoteInQuoted';
        else this.field += char;
        return null;
      case 'quoteInQuoted':
        if (char === '"') {
          this.field += '"';
          this.state = 'quoted';
          return null;
        }
        if (char !== this.delimiter && char !== '\n' && char !== '\r') {
          throw new ImportError({
            file: this.file,
            line: this.line,
            column: this.column,
            expected: 'a delimiter or the end of the line after a closing quote',
            found: quoteFound(char),
            hint: 'double a quote inside a quoted field ("")',
          });
        }
        return this.plain(char);
      case 'fieldStart':
        if (char === '"') {
          this.state = 'quoted';
          this.quoteLine = this.line;
          return null;
        }
        return this.plain(char);
      case 'unquoted':
        return this.plain(char);
    }
  }

  /** A character outside quotes. */
  private plain(char: string): CsvRecord | null {
    if (char === '\r') return null;
    if (char === '\n') return this.finishRecord();
    if (char === this.delimiter) {
      this.fields.push(this.field);
      this.field = '';
      this.state = 'fieldStart';
      return null;
    }
    this.field += char;
    this.state = 'unquoted';
    return null;
  }

  private finishRecord(): CsvRecord | null {
    const blank = this.fields.length === 0 && this.field === '' && this.state === 'fieldStart';
    const record = blank ? null : { fields: [...this.fields, this.field], line: this.recordLine };
    this.fields = [];
    this.field = '';
    this.state = 'fieldStart';
    this.touched = false;
    return record;
  }
}
