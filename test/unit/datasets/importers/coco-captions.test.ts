import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CaptionSampler } from '../../../../main/datasets/importers/caption-sampler.js';
import { ImportError } from '../../../../main/datasets/importers/import-error.js';
import { importCocoCaptions } from '../../../../main/datasets/importers/index.js';
import { expectedNormalised } from '../../../fixtures/datasets/caption-text.js';
import { writeCocoCaptions } from '../../../fixtures/datasets/coco-captions-file.js';
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

describe('MS-COCO caption importer', () => {
  const file = files.path('captions_val2017.json');
  const fixture = writeCocoCaptions(file, { images: 200, collect: true, seed: 5 });
  const byAnnotation = new Map(fixture.captions.map((c) => [c.id, c]));

  it('samples N captions, one per image, normalised, with image and annotation ids', async () => {
    const summary = await importCocoCaptions(file, { n: 50, seed: 1 });
    expect(summary.items).toHaveLength(50);
    expect(summary.stats).toMatchObject({ read: 1000, kept: 50 });
    expect(summary.source).toMatchObject({ kind: 'coco-captions', file, options: { n: 50, seed: 1 } });
    const images = new Set<number>();
    for (const item of summary.items) {
      const { imageId, annotationId } = item.attributes as { imageId: number; annotationId: number };
      const original = byAnnotation.get(annotationId);
      expect(original?.imageId).toBe(imageId);
      expect(item.key).toBe(`coco:${imageId}:${annotationId}`);
      expect(item.text).toBe(expectedNormalised(original?.caption ?? ''));
      expect(item.text).not.toMatch(/^\s|\s$|\s{2}|\.$|^[A-Z][a-z]/);
      expect(item.category).toBe('scenes');
      images.add(imageId);
    }
    expect(images.size).toBe(50);
  });

  it('is deterministic: same seed, same items in the same order; another seed, another sample', async () => {
    const a = await importCocoCaptions(file, { n: 30, seed: 42 });
    const b = await importCocoCaptions(file, { n: 30, seed: 42 });
    const c = await importCocoCaptions(file, { n: 30, seed: 43 });
    expect(b.items).toEqual(a.items);
    expect(c.items.map((i) => i.key)).not.toEqual(a.items.map((i) => i.key));
  });

  it('does not depend on the layout of the file, only on its content', async () => {
    const multiline = files.path('captions_multiline.json');
    writeCocoCaptions(multiline, { images: 200, seed: 5, multiline: true });
    const a = await importCocoCaptions(file, { n: 20, seed: 9 });
    const b = await importCocoCaptions(multiline, { n: 20, seed: 9 });
    expect(b.items).toEqual(a.items);
    expect(b.source.sha256).not.toBe(a.source.sha256);
  });

  it('replaces duplicate captions by the next sampled image, reading the file again if needed', async () => {
    const images = Array.from({ length: 60 }, (_, i) => ({ id: i + 1, file_name: `${i + 1}.jpg` }));
    const annotations = images.map((image) => ({
      id: 1000 + image.id,
      image_id: image.id,
      caption: `A dog number ${image.id % 9}.`,
    }));
    const dupes = files.write('dupes.json', JSON.stringify({ images, annotations }));
    const nine = await importCocoCaptions(dupes, { n: 9, seed: 3 });
    expect(new Set(nine.items.map((i) => i.text)).size).toBe(9);
    expect(nine.stats.duplicatesDropped).toBeGreaterThan(0);
    expect((await importCocoCaptions(dupes, { n: 20, seed: 3 })).items).toHaveLength(9);
  });

  it('chooses images and captions uniformly (chi-square over 4,000 seeds)', () => {
    const imageCounts = new Array<number>(20).fill(0);
    const captionCounts = new Array<number>(5).fill(0);
    for (let seed = 0; seed < 4000; seed += 1) {
      const sampler = new CaptionSampler(seed, 5);
      for (let k = 0; k < 5; k += 1)
        for (let image = 0; image < 20; image += 1) sampler.offer(image, image * 5 + k, `c${k}`, 1);
      for (const sampled of sampler.sample()) {
        imageCounts[sampled.imageId] = (imageCounts[sampled.imageId] ?? 0) + 1;
        captionCounts[sampled.annotationId % 5] = (captionCounts[sampled.annotationId % 5] ?? 0) + 1;
      }
    }
    const chiSquare = (counts: number[]): number => {
      const expected = counts.reduce((a, b) => a + b, 0) / counts.length;
      return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    };
    expect(chiSquare(imageCounts)).toBeLessThan(43.82); // df 19, p = 0.001
    expect(chiSquare(captionCounts)).toBeLessThan(18.47); // df 4, p = 0.001
  });
});

describe('MS-COCO importer on bad input', () => {
  it('reports bad JSON with line and column', async () => {
    const file = files.path('broken.json');
    writeCocoCaptions(file, { images: 3, multiline: true });
    const text = (await import('node:fs')).readFileSync(file, 'utf8').replace('"caption": "', '"caption" "');
    writeFileSync(file, text);
    const error = await rejection(importCocoCaptions(file));
    expect(error.message).toMatch(
      /^broken\.json:\d+:\d+: expected ":" after the property name, found a string/,
    );
    expect(error.line).toBeGreaterThan(3);
  });

  it('reports a truncated file at its end', async () => {
    const file = files.path('cut.json');
    writeCocoCaptions(file, { images: 3 });
    const text = (await import('node:fs')).readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.length - 40));
    expect((await rejection(importCocoCaptions(file))).found).toBe('the end of the file');
  });

  it('says what is wrong with files that are not COCO captions', async () => {
    const jsonl = files.write('captions.jsonl', '{"text": "a dog"}\n{"text": "a cat"}\n');
    expect((await rejection(importCocoCaptions(jsonl))).message).toBe(
      'captions.jsonl:2:1: expected the end of the file, found "{"; this looks like several JSON values (JSON Lines?), not one JSON document',
    );
    const csv = files.write('objectInfo150.csv', 'Idx,Ratio,Train,Val,Name\n1,0.1,2,3,wall\n');
    expect((await rejection(importCocoCaptions(csv))).message).toBe(
      'objectInfo150.csv:1:1: expected a COCO captions file (a JSON object with "images" and "annotations"), found "I"',
    );
    const instances = files.write(
      'instances_val2017.json',
      '{"images": [{"id": 1}], "annotations": [{"id": 5, "image_id": 1, "bbox": [1, 2, 3, 4]}]}',
    );
    expect((await rejection(importCocoCaptions(instances))).message).toBe(
      'instances_val2017.json:1: expected a string "caption" in annotations[0], found nothing; is this an instances or keypoints file rather than captions?',
    );
    const noAnnotations = files.write('info.json', '{"info": {}, "images": []}');
    expect((await rejection(importCocoCaptions(noAnnotations))).found).toBe(
      'an object with only "info", "images"',
    );
    const badId = files.write('badid.json', '{"annotations": [{"id": 1, "image_id": "x", "caption": "a"}]}');
    expect((await rejection(importCocoCaptions(badId))).expected).toBe(
      'an integer "image_id" in annotations[0]',
    );
  });

  it('rejects UTF-16, invalid UTF-8 and empty files', async () => {
    const json = '{"images": [], "annotations": [{"id": 1, "image_id": 1, "caption": "a dog"}]}';
    expect((await rejection(importCocoCaptions(files.write('u16.json', utf16le(json))))).found).toMatch(
      /UTF-16/,
    );
    const lines = ['{"images": [],', '"annotations": [', '{"id": 1, "image_id": 1, "caption": "café"}', ']}'];
    expect(
      (await rejection(importCocoCaptions(files.write('latin1.json', withInvalidByte(lines, 3))))).line,
    ).toBe(3);
    expect((await rejection(importCocoCaptions(files.write('empty.json', '')))).found).toBe(
      'no JSON value (the file is empty)',
    );
    const none = files.write('none.json', '{"images": [], "annotations": []}');
    expect((await rejection(importCocoCaptions(none))).found).toMatch(/^no concepts/);
  });
});
