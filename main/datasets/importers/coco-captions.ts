/**
 * MS-COCO caption files (`captions_train2017.json`, `captions_val2017.json`): a seeded, uniform
 * sample of N images, one caption each, read as a stream (the files are one 20–90 MB line).
 */
import type { ConceptItem, ImportSummary } from '../concept-item.js';
import { ConceptCollector, normaliseConceptText } from '../concept-item.js';
import { CaptionSampler } from './caption-sampler.js';
import type { SampledCaption } from './caption-sampler.js';
import { describeJsonValue, ImportError } from './import-error.js';
import { summarise } from './import-summary.js';
import { streamTopLevelObject } from './json-object-stream.js';
import { assertNonNegativeInteger } from './seeded-priority.js';
import { TextFile } from './text-file.js';

/** Options of a COCO caption import. */
export interface CocoCaptionOptions {
  /** How many captions (= images) to sample; default 1000. */
  readonly n?: number;
  /** Seed of the sample; default 0. Same file, n and seed → the same items in the same order. */
  readonly seed?: number;
}

const WHAT = 'a COCO captions file (a JSON object with "images" and "annotations")';

/**
 * Samples `n` captions, one per image, uniformly over the images that have captions. Captions are
 * normalised in `caption` mode and deduplicated; a duplicate is replaced by the next image in
 * sample order, so exactly `n` items come back unless the file has fewer distinct captions.
 */
export async function importCocoCaptions(
  file: string,
  options: CocoCaptionOptions = {},
): Promise<ImportSummary> {
  const n = options.n ?? 1000;
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  assertNonNegativeInteger(seed, 'seed');
  // Extra room for duplicates; when it is not enough, read again with more (still streaming).
  let capacity = n + Math.max(16, Math.ceil(n / 10));
  for (;;) {
    const pass = await samplePass(file, seed, capacity);
    const collector = new ConceptCollector();
    for (const sampled of pass.sample) {
      if (collector.size === n) break;
      collector.offer(captionItem(sampled));
    }
    if (collector.size === n || !pass.leftSomeOut) {
      return summarise('coco-captions', pass.text, { n, seed }, collector, pass.captions);
    }
    capacity *= 2;
  }
}

function captionItem(sampled: SampledCaption): ConceptItem {
  return {
    key: `coco:${sampled.imageId}:${sampled.annotationId}`,
    text: normaliseConceptText(sampled.caption, 'caption'),
    category: 'scenes',
    attributes: { source: 'coco', imageId: sampled.imageId, annotationId: sampled.annotationId },
  };
}

interface Pass {
  readonly text: TextFile;
  readonly sample: SampledCaption[];
  readonly leftSomeOut: boolean;
  readonly captions: number;
}

/** One streaming read of the file into a sampler of `capacity` images. */
async function samplePass(file: string, seed: number, capacity: number): Promise<Pass> {
  const text = new TextFile(file);
  const sampler = new CaptionSampler(seed, capacity);
  const members = new Set<string>();
  let captions = 0;
  await streamTopLevelObject(text.chunks(), file, WHAT, {
    onMember: (key) => members.add(key),
    onArrayEnd: (key) => members.add(key),
    onArrayItem: (key, value, line) => {
      if (key !== 'annotations') return;
      const annotation = readAnnotation(file, value, line, captions);
      sampler.offer(annotation.imageId, annotation.id, annotation.caption, line);
      captions += 1;
    },
  });
  if (!members.has('annotations')) {
    const keys = [...members].map((k) => JSON.stringify(k)).join(', ');
    throw new ImportError({
      file,
      line: 1,
      expected: WHAT,
      found: members.size ? `an object with only ${keys}` : 'an empty object',
    });
  }
  return { text, sample: sampler.sample(), leftSomeOut: sampler.leftSomeOut, captions };
}

/** Checks one element of `annotations` and returns its fields. */
function readAnnotation(
  file: string,
  value: unknown,
  line: number,
  index: number,
): { readonly id: number; readonly imageId: number; readonly caption: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return annotationError(file, line, index, 'an object', value);
  }
  const record = value as Record<string, unknown>;
  if (!isId(record.image_id))
    return annotationError(file, line, index, 'an integer "image_id"', record.image_id);
  if (!isId(record.id)) return annotationError(file, line, index, 'an integer "id"', record.id);
  if (typeof record.caption !== 'string') {
    const hint = 'is this an instances or keypoints file rather than captions?';
    return annotationError(file, line, index, 'a string "caption"', record.caption, hint);
  }
  return { id: record.id, imageId: record.image_id, caption: record.caption };
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function annotationError(
  file: string,
  line: number,
  index: number,
  expected: string,
  found: unknown,
  hint?: string,
): never {
  throw new ImportError({
    file,
    line,
    expected: `${expected} in annotations[${index}]`,
    found: describeJsonValue(found),
    ...(hint ? { hint } : {}),
  });
}
