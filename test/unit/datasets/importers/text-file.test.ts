import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../../main/datasets/importers/import-error.js';
import { TextFile } from '../../../../main/datasets/importers/text-file.js';
import { tempFiles, utf16be, utf16le, withInvalidByte } from '../../../fixtures/datasets/temp-files.js';

const files = tempFiles();
afterAll(() => files.remove());

async function readAll(file: string): Promise<{ text: string; sha256: string }> {
  const reader = new TextFile(file);
  let text = '';
  for await (const chunk of reader.chunks()) text += chunk;
  return { text, sha256: reader.sha256 };
}

async function failure(file: string): Promise<ImportError> {
  const error = await readAll(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('reading a file as UTF-8 text', () => {
  it('hashes the exact bytes and strips a UTF-8 byte-order mark from the text', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('wall\nfloor\n', 'utf8')]);
    const file = files.write('bom.txt', bytes);
    const { text, sha256 } = await readAll(file);
    expect(text).toBe('wall\nfloor\n');
    expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('decodes multi-byte characters split across 64 KB chunk boundaries', async () => {
    const line = 'café · 日本 · 🙂\n';
    const text = line.repeat(20_000);
    const { text: read } = await readAll(files.write('multi.txt', text));
    expect(read).toBe(text);
  });

  it('rejects UTF-16 (either byte order) with a clear hint', async () => {
    for (const [name, bytes] of [
      ['le.txt', utf16le('wall\nfloor\n')],
      ['be.txt', utf16be('wall\nfloor\n')],
    ] as const) {
      const error = await failure(files.write(name, bytes));
      expect(error.message).toBe(
        `${name}:1: expected UTF-8 text, found UTF-16 (it starts with a UTF-16 byte-order mark); file is UTF-16; save it as UTF-8`,
      );
    }
  });

  it('names the line of an invalid UTF-8 byte, also far into the file', async () => {
    const lines = Array.from({ length: 9000 }, (_, i) => `object number ${i + 1}`);
    const error = await failure(files.write('latin1.txt', withInvalidByte(lines, 8123)));
    expect(error.line).toBe(8123);
    expect(error.message).toMatch(/^latin1\.txt:8123: expected UTF-8 text, found the byte 0xE9/);
  });

  it('reports a UTF-8 sequence cut off by the end of the file', async () => {
    const error = await failure(files.write('cut.txt', Buffer.from([0x61, 0x0a, 0x62, 0xe6, 0x97])));
    expect(error.line).toBe(2);
    expect(error.found).toMatch(/cut off/);
  });

  it('recognises compressed archives and binary data', async () => {
    expect((await failure(files.write('a.json.gz', Buffer.from([0x1f, 0x8b, 8, 0, 0])))).found).toBe(
      'gzip-compressed data',
    );
    expect((await failure(files.write('a.zip', Buffer.from('PK\x03\x04rest', 'latin1')))).found).toBe(
      'a ZIP archive',
    );
    const nul = await failure(files.write('nul.txt', Buffer.from('wall\nfl\0or\n', 'latin1')));
    expect(nul.line).toBe(2);
  });

  it('turns a missing file into an ImportError without a line', async () => {
    const error = await failure(files.path('missing.csv'));
    expect(error.message).toBe('missing.csv: expected a readable file, found no such file');
  });
});
