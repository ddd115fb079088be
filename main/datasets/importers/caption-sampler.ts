/**
 * Seeded, uniform sampling of images with one caption each, in memory bounded by the sample size.
 * Every image gets a seeded priority; the sample is the images with the smallest priorities
 * (uniform without replacement). Within an image the caption with the smallest seeded priority of
 * its annotation id wins (uniform among its captions). Neither depends on the order of the file.
 */
import { seededPriority } from './seeded-priority.js';

const IMAGE_STREAM = 1;
const CAPTION_STREAM = 2;

/** One sampled image with the caption chosen for it. */
export interface SampledCaption {
  readonly imageId: number;
  readonly annotationId: number;
  readonly caption: string;
  /** Line of the file where the chosen annotation starts. */
  readonly line: number;
}

interface Candidate {
  readonly imageId: number;
  readonly priority: number;
  annotationId: number;
  captionPriority: number;
  caption: string;
  line: number;
}

/** Orders candidates by priority, ties (vanishingly rare) by image id. */
function before(
  a: Pick<Candidate, 'priority' | 'imageId'>,
  b: Pick<Candidate, 'priority' | 'imageId'>,
): boolean {
  return a.priority < b.priority || (a.priority === b.priority && a.imageId < b.imageId);
}

/**
 * A copy of `text` that does not share memory with the chunk it was cut from (V8 keeps a whole
 * 64 KB chunk alive behind a short sliced string; a kept caption must not pin its chunk).
 */
function detach(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** Keeps the `capacity` images of smallest priority seen so far, each with its chosen caption. */
export class CaptionSampler {
  private readonly byImage = new Map<number, Candidate>();
  /** Max-heap on (priority, imageId): the root is the first to evict. */
  private readonly heap: Candidate[] = [];
  private overflowed = false;

  constructor(
    private readonly seed: number,
    private readonly capacity: number,
  ) {}

  /** Offers one annotation (its ids are integers). */
  offer(imageId: number, annotationId: number, caption: string, line: number): void {
    const current = this.byImage.get(imageId);
    const captionPriority = seededPriority(this.seed, CAPTION_STREAM, annotationId);
    if (current) {
      const wins =
        captionPriority < current.captionPriority ||
        (captionPriority === current.captionPriority && annotationId < current.annotationId);
      if (wins) {
        current.annotationId = annotationId;
        current.captionPriority = captionPriority;
        current.caption = detach(caption);
        current.line = line;
      }
      return;
    }
    const priority = seededPriority(this.seed, IMAGE_STREAM, imageId);
    const worst = this.heap[0];
    if (this.heap.length >= this.capacity && worst && !before({ priority, imageId }, worst)) {
      this.overflowed = true;
      return;
    }
    const candidate = { imageId, priority, annotationId, captionPriority, caption: detach(caption), line };
    this.byImage.set(imageId, candidate);
    this.push(candidate);
    if (this.heap.length > this.capacity) {
      this.overflowed = true;
      this.byImage.delete(this.popWorst().imageId);
    }
  }

  /** Whether images were left out for lack of room (a larger capacity would add some). */
  get leftSomeOut(): boolean {
    return this.overflowed;
  }

  /** The sample in priority order (the order items are kept in). */
  sample(): SampledCaption[] {
    return [...this.heap]
      .sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0))
      .map(({ imageId, annotationId, caption, line }) => ({ imageId, annotationId, caption, line }));
  }

  private push(candidate: Candidate): void {
    const heap = this.heap;
    heap.push(candidate);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[parent] as Candidate, heap[i] as Candidate)) break;
      [heap[parent], heap[i]] = [heap[i] as Candidate, heap[parent] as Candidate];
      i = parent;
    }
  }

  private popWorst(): Candidate {
    const heap = this.heap;
    const worst = heap[0] as Candidate;
    const last = heap.pop() as Candidate;
    if (heap.length === 0) return worst;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < heap.length && before(heap[largest] as Candidate, heap[left] as Candidate)) largest = left;
      if (right < heap.length && before(heap[largest] as Candidate, heap[right] as Candidate))
        largest = right;
      if (largest === i) return worst;
      [heap[largest], heap[i]] = [heap[i] as Candidate, heap[largest] as Candidate];
      i = largest;
    }
  }
}
