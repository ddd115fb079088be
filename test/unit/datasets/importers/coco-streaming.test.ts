import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCocoCaptions } from '../../../fixtures/datasets/coco-captions-file.js';
import { tempFiles } from '../../../fixtures/datasets/temp-files.js';

const files = tempFiles();
afterAll(() => files.remove());

describe('MS-COCO importer on a 50 MB file', () => {
  it('streams it: the heap grows far less than the file, even with old space capped below the file size', () => {
    const file = files.path('captions_train2017.json');
    const { bytes, annotations } = writeCocoCaptions(file, { images: 70_000, seed: 11 });
    expect(bytes).toBeGreaterThan(50_000_000);
    // A 40 MB old-space cap: JSON.parse of the whole file dies here; a streaming reader does not.
    const run = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=40',
        '--import',
        'tsx',
        'test/fixtures/datasets/measure-coco-import.ts',
        file,
        '1000',
        '7',
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as {
      heapGrowth: number;
      rssGrowth: number;
      ms: number;
      count: number;
      stats: { read: number };
    };
    console.log(
      `50 MB COCO import: ${(bytes / 1e6).toFixed(1)} MB file, heap growth ${(result.heapGrowth / 1e6).toFixed(1)} MB, ` +
        `RSS growth ${(result.rssGrowth / 1e6).toFixed(1)} MB, ${Math.round(result.ms)} ms`,
    );
    expect(result.count).toBe(1000);
    expect(result.stats.read).toBe(annotations);
    expect(result.heapGrowth).toBeLessThan(25_000_000);
    expect(result.rssGrowth).toBeLessThan(bytes);
  });
});
