import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RecordedProvider } from '../../../main/llm/recorded/recorded-provider.js';
import { deriveSeed } from '../../../main/llm/seeds.js';
import { DEFAULT_SAMPLING, type ChatMessage } from '../../../main/llm/types.js';
import { tempDataDir } from '../../fixtures/data-dir.js';

const tmp = tempDataDir('vcheck-recorded-');
afterAll(() => tmp.cleanup());

const ask = (prompt: string): ChatMessage[] => [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: prompt },
];

function jsonl(rows: ReadonlyArray<Record<string, unknown>>): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

describe('recorded provider', () => {
  const folder = path.join(tmp.dir, 'recording');
  mkdirSync(folder);
  const a = jsonl([
    { id: 1, prompt: 'draw a cat', response: 'cat one', language: 'svg' },
    { id: 2, prompt: '  draw a cat\n', response: 'cat two' },
  ]);
  const b = jsonl([
    { prompt: 'draw a dog', response: 'dog one' },
    { prompt: 'draw a cat', response: 'cat three' },
  ]);
  writeFileSync(path.join(folder, 'a.jsonl'), a);
  writeFileSync(path.join(folder, 'b.jsonl'), b);
  writeFileSync(path.join(folder, 'notes.txt'), 'not a recording');

  it('replays a prompt’s answers in file order, cycling, each with its derived seed', async () => {
    const provider = new RecordedProvider(folder);
    const results = await provider.sample(ask(' draw a cat '), { ...DEFAULT_SAMPLING, seed: 9 }, 4);
    expect(results.map((r) => r.text)).toEqual(['cat one', 'cat two', 'cat three', 'cat one']);
    expect(results.map((r) => r.params.seed)).toEqual([0, 1, 2, 3].map((i) => deriveSeed(9, i)));
  });

  it('answers chat() with the answer at seed mod count', async () => {
    const provider = new RecordedProvider(folder);
    const texts = [];
    for (const seed of [0, 1, 2, 5])
      texts.push((await provider.chat(ask('draw a cat'), { ...DEFAULT_SAMPLING, seed })).text);
    expect(texts).toEqual(['cat one', 'cat two', 'cat three', 'cat three']);
  });

  it('fails a prompt it has no answer for', async () => {
    const provider = new RecordedProvider(folder);
    await expect(provider.chat(ask('draw a cow'), DEFAULT_SAMPLING)).rejects.toThrow(
      'no recorded answer for this prompt: draw a cow',
    );
  });

  it('is identified by the hash of its files’ names and bytes', async () => {
    const hash = createHash('sha256');
    for (const [name, text] of [
      ['a.jsonl', a],
      ['b.jsonl', b],
    ] as const)
      hash.update(`${name}\u0000${Buffer.byteLength(text)}\u0000`).update(text);
    expect(await new RecordedProvider(folder).describe()).toEqual({
      provider: 'recorded',
      file: folder,
      sha256: hash.digest('hex'),
    });
  });

  it('reads one file too, and rejects a line without prompt and response', async () => {
    const file = path.join(tmp.dir, 'one.jsonl');
    writeFileSync(file, jsonl([{ prompt: 'p', response: 'r' }]));
    expect((await new RecordedProvider(file).chat(ask('p'), DEFAULT_SAMPLING)).text).toBe('r');
    const bad = path.join(tmp.dir, 'bad.jsonl');
    writeFileSync(bad, jsonl([{ prompt: 'p', answer: 'r' }]));
    await expect(new RecordedProvider(bad).describe()).rejects.toThrow(/bad.jsonl:1/);
  });
});
