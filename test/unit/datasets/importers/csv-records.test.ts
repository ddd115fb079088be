import { describe, expect, it } from 'vitest';
import type { CsvRecord } from '../../../../main/datasets/importers/csv-records.js';
import { csvRecords } from '../../../../main/datasets/importers/csv-records.js';
import { ImportError } from '../../../../main/datasets/importers/import-error.js';

async function records(chunks: readonly string[], delimiter = ','): Promise<CsvRecord[]> {
  async function* source(): AsyncGenerator<string> {
    yield* chunks;
  }
  const out: CsvRecord[] = [];
  for await (const record of csvRecords(source(), 'table.csv', delimiter)) out.push(record);
  return out;
}

const RFC =
  'text,category\r\n"a red, round apple",food\r\n"a sign saying ""stop""",city\r\n"two lines\nof text",misc\r\n\r\nlast,row';

describe('RFC 4180 record reader', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, and skips blank lines', async () => {
    const out = await records([RFC]);
    expect(out.map((r) => r.fields)).toEqual([
      ['text', 'category'],
      ['a red, round apple', 'food'],
      ['a sign saying "stop"', 'city'],
      ['two lines\nof text', 'misc'],
      ['last', 'row'],
    ]);
    expect(out.map((r) => r.line)).toEqual([1, 2, 3, 4, 7]);
  });

  it('gives the same records for any chunking', async () => {
    const whole = await records([RFC]);
    expect(await records([...RFC])).toEqual(whole);
    expect(await records([RFC.slice(0, 23), RFC.slice(23, 50), RFC.slice(50)])).toEqual(whole);
  });

  it('keeps empty fields and a quote inside an unquoted field', async () => {
    expect((await records(['a,,""\n5\'3" tall,x,y'])).map((r) => r.fields)).toEqual([
      ['a', '', ''],
      ['5\'3" tall', 'x', 'y'],
    ]);
  });

  it('reads TSV with a tab delimiter', async () => {
    expect((await records(['name\tcount\nwall\t12\n'], '\t')).map((r) => r.fields)).toEqual([
      ['name', 'count'],
      ['wall', '12'],
    ]);
  });

  it('reports an unterminated quote at the line where it opens', async () => {
    const error = await records(['a,b\n"never closed,x\nmore\n']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe(
      'table.csv:2: expected a closing quote for the field opened on this line, found the end of the file',
    );
  });

  it('reports text after a closing quote with line and column', async () => {
    const error = (await records(['a,b\n"x"y,z\n']).catch((e: unknown) => e)) as ImportError;
    expect(error.message).toMatch(
      /^table\.csv:2:4: expected a delimiter or the end of the line after a closing quote, found "y"/,
    );
  });
});
