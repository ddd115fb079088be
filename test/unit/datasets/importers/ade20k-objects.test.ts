import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../../main/datasets/importers/import-error.js';
import { importAde20kObjects } from '../../../../main/datasets/importers/index.js';
import { mergeObjectRows, splitSynonyms } from '../../../../main/datasets/importers/object-merge.js';
import {
  objectInfoRows,
  objectInfoText,
  writeObjectInfo150,
} from '../../../fixtures/datasets/object-info-file.js';
import { tempFiles, utf16le } from '../../../fixtures/datasets/temp-files.js';

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

describe('ADE20K objectInfo150.csv', () => {
  const file = files.path('objectInfo150.csv');
  writeObjectInfo150(file);

  it('imports all 150 classes with display names, synonyms and statistics', async () => {
    const summary = await importAde20kObjects(file);
    expect(summary.items).toHaveLength(150);
    expect(summary.stats).toEqual({ read: 150, kept: 150, duplicatesDropped: 0, emptyDropped: 0 });
    const person = summary.items.find((item) => item.text === 'person');
    const row = objectInfoRows()[12];
    expect(person).toEqual({
      key: 'ade:person',
      text: 'person',
      category: 'objects',
      attributes: expect.objectContaining({
        source: 'ade20k-objectInfo150',
        synonyms: ['individual', 'someone', 'somebody', 'mortal', 'soul'],
        count: row?.train,
        train: row?.train,
        ratio: row?.ratio,
        idx: 13,
        mergedRows: 1,
      }),
    });
    expect(summary.source).toMatchObject({
      kind: 'ade20k-objects',
      options: { top: 1000, rankBy: 'train', format: 'objectInfo150' },
    });
  });

  it('keeps classes apart even where their synonyms overlap (toilet lists "stool" and "pot")', async () => {
    const names = (await importAde20kObjects(file)).items.map((item) => item.text);
    expect(names).toEqual(
      expect.arrayContaining(['toilet', 'stool', 'pot', 'counter', 'buffet', 'screen', 'blind']),
    );
  });

  it('re-joins the multi-word names the export split on ";"', async () => {
    const items = (await importAde20kObjects(file)).items;
    const byName = new Map(items.map((item) => [item.text, item.attributes.synonyms]));
    expect(byName.get('chest of drawers')).toEqual(['chest', 'bureau', 'dresser']);
    expect(byName.get('coffee table')).toEqual(['cocktail table']);
    expect(byName.get('screen door')).toEqual(['screen']);
    expect(byName.get('screen')).toEqual(['silver screen', 'projection screen']);
    expect(byName.get('door')).toEqual(['double door']);
    expect(new Set(items.map((item) => item.key)).size).toBe(150);
  });

  it('takes the top N by Train count, or by Ratio', async () => {
    const byTrain = [...objectInfoRows()].sort((a, b) => b.train - a.train || a.idx - b.idx).slice(0, 10);
    const top = await importAde20kObjects(file, { top: 10 });
    expect(top.items.map((item) => item.attributes.idx)).toEqual(byTrain.map((r) => r.idx));
    expect(top.items.map((item) => item.attributes.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const byRatio = await importAde20kObjects(file, { top: 5, rankBy: 'ratio' });
    expect(byRatio.items.map((item) => item.text)).toEqual(['wall', 'building', 'sky', 'floor', 'tree']);
    expect(byTrain.map((r) => r.idx)).not.toEqual(
      objectInfoRows()
        .slice(0, 10)
        .map((r) => r.idx),
    );
  });

  it('accepts a tab-separated copy and an extra Stuff column', async () => {
    const tsv = files.write(
      'objectInfo150.tsv',
      objectInfoText((lines) => lines.map((l) => l.replace(/,/g, '\t'))),
    );
    expect((await importAde20kObjects(tsv, { top: 3 })).items).toHaveLength(3);
    const stuff = files.write(
      'object150_info.csv',
      objectInfoText((lines) =>
        lines.map((l, i) => l.replace(/^([^,]*,[^,]*,[^,]*,[^,]*),/, `$1,${i === 0 ? 'Stuff' : '1'},`)),
      ),
    );
    expect((await importAde20kObjects(stuff, { top: 1, rankBy: 'ratio' })).items[0]?.text).toBe('wall');
  });

  it('reports a bad number naming the file, line and column', async () => {
    const bad = files.path('objectInfo150.csv.bad');
    writeObjectInfo150(bad, (lines) =>
      lines.map((l, i) => (i === 11 ? l.replace(/^(\d+),[^,]+,/, '$1,abc,') : l)),
    );
    expect((await rejection(importAde20kObjects(bad))).message).toBe(
      'objectInfo150.csv.bad:12: expected a number in column Ratio, found "abc"',
    );
  });

  it('reports a missing column, a short row, wrong encoding and an empty file', async () => {
    const noVal = files.write(
      'noval.csv',
      objectInfoText((lines) => lines.map((l) => l.replace(/^([^,]*,[^,]*,[^,]*),[^,]*,/, '$1,'))),
    );
    expect((await rejection(importAde20kObjects(noVal))).message).toBe(
      'noval.csv:1: expected a column Val in the header, found the columns "Idx", "Ratio", "Train", "Name"',
    );
    const short = files.write(
      'short.csv',
      objectInfoText((lines) => lines.map((l, i) => (i === 40 ? '40,0.01,12' : l))),
    );
    expect((await rejection(importAde20kObjects(short))).message).toBe(
      'short.csv:41: expected 5 fields (as in the header), found 3',
    );
    expect(
      (await rejection(importAde20kObjects(files.write('u16.csv', utf16le(objectInfoText()))))).found,
    ).toMatch(/UTF-16/);
    expect((await rejection(importAde20kObjects(files.write('empty.csv', '')))).found).toMatch(
      /no concepts \(the file is empty\)/,
    );
  });
});

describe('ADE20K full-index name + count tables', () => {
  const index = [
    ['person, individual, someone', 9000],
    ['wall', 12000],
    ['individual', 300],
    ['car, auto, automobile, machine', 5000],
    ['washer, automatic washer, washing machine', 400],
    ['machine', 50],
    ['window', 700],
    ['windowpane, window', 2000],
    ['screen door, screen', 120],
    ['blind, screen', 110],
    ['screen', 100],
    ['Wall', 10],
  ] as const;

  it('merges synonyms (counts summed) and ranks by merged count', async () => {
    const csv = files.write(
      'index.csv',
      `objectnames,count\n${index.map(([n, c]) => `"${n}",${c}`).join('\n')}\n`,
    );
    const summary = await importAde20kObjects(csv, { top: 4 });
    expect(summary.items.map((item) => [item.text, item.attributes.count])).toEqual([
      ['wall', 12010],
      ['person', 9300],
      ['car', 5050],
      ['windowpane', 2700],
    ]);
    expect(summary.items[1]?.attributes).toMatchObject({
      synonyms: ['individual', 'someone'],
      mergedRows: 2,
      source: 'ade20k-index',
    });
    expect(summary.stats).toMatchObject({ read: 12, kept: 4, duplicatesDropped: 4 });
    const all = await importAde20kObjects(csv);
    expect(all.items.map((item) => item.text)).toEqual([
      'wall',
      'person',
      'car',
      'windowpane',
      'washer',
      'screen door',
      'blind',
      'screen',
    ]);
  });

  it('reads TSV with the columns in either order, and headerless whitespace columns', async () => {
    const tsv = files.write('index.tsv', `count\tname\n${index.map(([n, c]) => `${c}\t${n}`).join('\n')}\n`);
    const columns = files.write('index.txt', index.map(([n, c]) => `${n} ${c}`).join('\n'));
    const countFirst = files.write('index2.txt', index.map(([n, c]) => `${c}   ${n}`).join('\n'));
    for (const file of [tsv, columns, countFirst]) {
      expect((await importAde20kObjects(file, { top: 2 })).items.map((item) => item.text)).toEqual([
        'wall',
        'person',
      ]);
    }
  });

  it('reports a row without a count', async () => {
    const file = files.write('nocount.txt', 'wall 12\nfloor\n');
    expect((await rejection(importAde20kObjects(file))).message).toBe(
      'nocount.txt:2: expected a name followed by a count, found "floor"',
    );
  });
});

describe('synonym merging rule', () => {
  it('splits cells on ; and , dropping empties and repeats', () => {
    expect(splitSynonyms('door;double;door')).toEqual(['door', 'double']);
    expect(splitSynonyms(' person, individual ;; someone ')).toEqual(['person', 'individual', 'someone']);
  });

  it('never merges on a synonym shared by two objects, nor synonym to synonym', () => {
    const groups = mergeObjectRows(
      [
        { names: ['car', 'machine'], count: 10, line: 1 },
        { names: ['washer', 'machine'], count: 5, line: 2 },
        { names: ['machine'], count: 3, line: 3 },
        { names: ['pot', 'flowerpot'], count: 2, line: 4 },
        { names: ['flowerpot'], count: 1, line: 5 },
      ],
      true,
    );
    expect(groups.map((g) => [g.name, g.count])).toEqual([
      ['car', 10],
      ['washer', 5],
      ['machine', 3],
      ['pot', 3],
    ]);
  });
});
