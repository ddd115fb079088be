import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textLines, unifiedLineDiff } from '../../../../main/experiments/correct/line-diff.js';
import { pythonJson } from '../../../fixtures/npy/python-reference.js';

/** The exact line edit distance |a| + |b| − 2·LCS(a, b), by the textbook dynamic programme. */
const LCS_DISTANCE = `
import sys, json
cases = json.load(open(sys.argv[1]))
out = []
for a, b in cases:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    out.append(len(a) + len(b) - 2 * prev[-1])
print(json.dumps(out))
`;

/** A small seeded generator (mulberry32) so failures reproduce. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pairs of line lists from a small alphabet, the second an edited copy of the first. */
function cases(count: number): [string[], string[]][] {
  const next = random(7);
  const line = () => `line ${'abcde'[Math.floor(next() * 5)]}`;
  return Array.from({ length: count }, () => {
    const a = Array.from({ length: Math.floor(next() * 30) }, line);
    const b = a.flatMap((l) =>
      next() < 0.2 ? [] : next() < 0.2 ? [l, line()] : next() < 0.1 ? [line()] : [l],
    );
    if (next() < 0.3) b.unshift(line());
    return [a, b];
  });
}

const dir = mkdtempSync(join(tmpdir(), 'vcheck-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('unified line diff', () => {
  const all = cases(60);
  const text = (lines: ReadonlyArray<string>) => lines.map((l) => `${l}\n`).join('');

  it('is a patch that GNU patch applies to turn the old code into the new', () => {
    for (const [i, [a, b]] of all.entries()) {
      const diff = unifiedLineDiff(text(a), text(b), { from: 'old', to: 'new' });
      if (diff === '') {
        expect(b).toEqual(a);
        continue;
      }
      const file = join(dir, `case-${i}.txt`);
      writeFileSync(file, text(a));
      writeFileSync(`${file}.diff`, diff);
      execFileSync('patch', ['--quiet', '--force', file, `${file}.diff`]);
      expect(readFileSync(file, 'utf8'), diff).toBe(text(b));
    }
  });

  it('changes exactly as many lines as the shortest edit needs', () => {
    const file = join(dir, 'cases.json');
    writeFileSync(file, JSON.stringify(all));
    const expected = pythonJson<number[]>(LCS_DISTANCE, [file]);
    const changed = all.map(
      ([a, b]) =>
        textLines(unifiedLineDiff(text(a), text(b), { from: 'old', to: 'new' }))
          .slice(2)
          .filter((l) => l.startsWith('+') || l.startsWith('-')).length,
    );
    expect(changed).toEqual(expected);
  });

  it('writes the header and hunk ranges as GNU diff -u does', () => {
    const gnu = (before: string, after: string): string => {
      writeFileSync(join(dir, 'before.txt'), before);
      writeFileSync(join(dir, 'after.txt'), after);
      const args = ['-u', '--label', 'round 0', '--label', 'round 1', 'before.txt', 'after.txt'];
      try {
        return execFileSync('diff', args, { cwd: dir, encoding: 'utf8' });
      } catch (error) {
        return (error as { stdout: string }).stdout; // exit status 1: the files differ
      }
    };
    const pairs: [string, string][] = [
      ['a\nb\nc\nd\ne\nf\ng\nh\n', 'a\nb\nc\nD\ne\nf\ng\nh\ni\n'],
      ['', 'x\n'],
      ['x\n', ''],
      ['1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n', '0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n'],
    ];
    for (const [before, after] of pairs)
      expect(unifiedLineDiff(before, after, { from: 'round 0', to: 'round 1' })).toBe(gnu(before, after));
  });

  it('is empty for equal code and reads CRLF as LF', () => {
    expect(unifiedLineDiff('a\r\nb\r\n', 'a\nb', { from: 'a', to: 'b' })).toBe('');
  });
});
