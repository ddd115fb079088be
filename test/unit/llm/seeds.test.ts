import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { deriveSeed, deriveSeeds } from '../../../main/llm/seeds.js';

const python = (base: number, n: number): number[] =>
  JSON.parse(
    execFileSync('/usr/bin/python3', [
      '-c',
      `import hashlib,json\nprint(json.dumps([int.from_bytes(hashlib.sha256(f"vcheck-seed:${base}:{i}".encode()).digest()[:4],"big") & 0x7fffffff for i in range(${n})]))`,
    ]).toString(),
  ) as number[];

describe('derived seeds', () => {
  it('match an independent sha256 reference', () => {
    expect(deriveSeeds(42, 8)).toEqual(python(42, 8));
    expect(deriveSeeds(0, 3)).toEqual(python(0, 3));
  });

  it('are pure, distinct per repeat and per base seed', () => {
    expect(deriveSeed(7, 3)).toBe(deriveSeed(7, 3));
    const seeds = new Set([...deriveSeeds(1, 50), ...deriveSeeds(2, 50)]);
    expect(seeds.size).toBe(100);
    for (const s of seeds) expect(s).toBeLessThan(2 ** 31);
  });
});
