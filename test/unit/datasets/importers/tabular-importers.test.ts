import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../../main/datasets/importers/import-error.js';
import { importCsv, importJsonl, importLines, runImport } from '../../../../main/datasets/importers/index.js';
import { tempFiles, utf16le, withInvalidByte } from '../../../fixtures/datasets/temp-files.js';

const files = tempFiles();
afterAll(() => files.remove());

async function rejection(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('plain text importer', () => {
  it('takes one concept per line, skipping blanks and # comments, deduplicating', async () => {
    const file = files.write(
      'list.txt',
      '# my concepts\r\nA red  circle\r\n\r\n  a blue square \r\na red circle\r\n  # indented comment\r\ntriangle',
    );
    const summary = await importLines(file, { category: 'shapes-mine' });
    expect(summary.items).toEqual([
      { key: 'line:2', text: 'A red circle', category: 'shapes-mine', attributes: {} },
      { key: 'line:4', text: 'a blue square', category: 'shapes-mine', attributes: {} },
      { key: 'line:7', text: 'triangle', category: 'shapes-mine', attributes: {} },
    ]);
    expect(summary.stats).toEqual({ read: 4, kept: 3, duplicatesDropped: 1, emptyDropped: 0 });
    expect(summary.source).toMatchObject({ kind: 'lines', file, options: { category: 'shapes-mine' } });
    expect(summary.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('says "no concepts" for an empty file or one with only comments', async () => {
    const empty = await rejection(importLines(files.write('empty.txt', '')));
    expect(empty.message).toBe(
      'empty.txt:1: expected at least one concept, found no concepts (the file is empty)',
    );
    const comments = await rejection(importLines(files.write('comments.txt', '# a\n\n# b\n')));
    expect(comments.found).toMatch(/^no concepts/);
  });

  it('rejects UTF-16 and names the line of invalid UTF-8', async () => {
    expect((await rejection(importLines(files.write('u16.txt', utf16le('wall\n'))))).message).toMatch(
      /UTF-16.*save it as UTF-8/,
    );
    expect(
      (await rejection(importLines(files.write('bad.txt', withInvalidByte(['wall', 'floor', 'café'], 3)))))
        .line,
    ).toBe(3);
  });
});

describe('CSV/TSV importer', () => {
  const table =
    'id,concept,kind,colour,notes\n7,"a red, round apple",food,red,"said ""yum"""\n8,a pear,,green,\n9,"A red,  round apple",food,red,dup\n';

  it('picks the text column by default name, keeps other columns as attributes', async () => {
    const summary = await importCsv(files.write('t.csv', table), { categoryColumn: 'kind', keyColumn: 'id' });
    expect(summary.items).toEqual([
      {
        key: '7',
        text: 'a red, round apple',
        category: 'food',
        attributes: { colour: 'red', notes: 'said "yum"' },
      },
      { key: '8', text: 'a pear', category: 'custom', attributes: { colour: 'green', notes: '' } },
    ]);
    expect(summary.stats.duplicatesDropped).toBe(1);
    expect(summary.source.options).toMatchObject({
      columns: { text: 'concept', category: 'kind', key: 'id' },
    });
  });

  it('chooses columns by 1-based number and reads TSV by extension', async () => {
    const file = files.write('t.tsv', 'wall\t12\tx\nfloor\t9\ty\n');
    const summary = await importCsv(file, {
      header: false,
      textColumn: 1,
      attributeColumns: [2],
      category: 'objects',
    });
    expect(summary.items.map((i) => [i.key, i.text, i.category, i.attributes])).toEqual([
      ['line:1', 'wall', 'objects', { column2: '12' }],
      ['line:2', 'floor', 'objects', { column2: '9' }],
    ]);
  });

  it('reports a missing column, a short row and a repeated key precisely', async () => {
    const file = files.write('t2.csv', table);
    expect((await rejection(importCsv(file, { textColumn: 'caption' }))).message).toBe(
      't2.csv:1: expected a text column named "caption" in the header, found the columns "id", "concept", "kind", "colour", "notes"',
    );
    const short = files.write('short.csv', 'text,category\na,b\nc\n');
    expect((await rejection(importCsv(short))).message).toBe(
      'short.csv:3: expected 2 fields (as in the header), found 1',
    );
    const keys = files.write('keys.csv', 'id,text\n1,a\n1,b\n');
    expect((await rejection(importCsv(keys, { keyColumn: 'id' }))).message).toBe(
      'keys.csv:3: expected a unique, non-empty key, found the repeated key "1"',
    );
    expect((await rejection(importCsv(files.write('hdr.csv', 'text,category\n')))).found).toMatch(
      /^no concepts/,
    );
  });
});

describe('JSONL importer', () => {
  it('takes the text field, an optional category field, and every other field as an attribute', async () => {
    const lines = [
      '{"text": "  a dog  on a sofa ", "cat": "animals", "tags": ["indoor", "pet"], "score": 0.5, "seen": true, "meta": {"a": 1}, "none": null}',
      '',
      '"a lighthouse at dusk"',
      '{"text": "A dog on a sofa"}',
    ];
    const summary = await importJsonl(files.write('c.jsonl', lines.join('\n')), { categoryField: 'cat' });
    expect(summary.items).toEqual([
      {
        key: 'line:1',
        text: 'a dog on a sofa',
        category: 'animals',
        attributes: { tags: ['indoor', 'pet'], score: 0.5, seen: true, meta: '{"a":1}' },
      },
      { key: 'line:3', text: 'a lighthouse at dusk', category: 'custom', attributes: {} },
    ]);
    expect(summary.stats).toEqual({ read: 3, kept: 2, duplicatesDropped: 1, emptyDropped: 0 });
  });

  it('reports bad JSON with line and column', async () => {
    const file = files.write('bad.jsonl', '{"text": "ok"}\n{"text": "fine"}\n{"text": "broken",, "x": 1}\n');
    expect((await rejection(importJsonl(file))).message).toBe(
      'bad.jsonl:3:19: expected a property name in double quotes, found ","',
    );
  });

  it('reports a record without the text field, and a whole JSON document given as JSONL', async () => {
    const missing = files.write('m.jsonl', '{"text": "a"}\n{"label_x": "b"}\n');
    expect((await rejection(importJsonl(missing))).message).toBe(
      'm.jsonl:2: expected a string field "text", found an object with the fields "label_x"',
    );
    const pretty = files.write('doc.jsonl', '{\n  "images": [],\n  "annotations": []\n}\n');
    expect((await rejection(importJsonl(pretty))).message).toBe(
      'doc.jsonl:1:2: expected a property name in double quotes, found the end of the text',
    );
  });

  it('runs through the tagged runImport entry point', async () => {
    const file = files.write('r.jsonl', '{"concept": "a kite"}\n');
    const summary = await runImport({ kind: 'jsonl', file });
    expect(summary.items[0]?.text).toBe('a kite');
    expect(summary.source.kind).toBe('jsonl');
  });
});
