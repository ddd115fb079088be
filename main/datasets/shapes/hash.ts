/**
 * Content hash of a set of shape items: the dataset content hash (main/datasets/content-digest.ts)
 * of their concept items, so a generated set and the dataset version stored from it carry the same
 * hash. The order is part of the content because a version promises "same set, same order".
 */
import { canonicalItem, createItemDigest } from '../content-digest.js';
import { toConceptItem } from './concept.js';
import type { ShapeItem } from './types.js';

export { CONTENT_HASH_FORMAT } from '../content-digest.js';

/** The canonical line of one item (independent of the key order of its attributes object). */
export function canonicalItemLine(item: ShapeItem): string {
  return canonicalItem(toConceptItem(item));
}

/** An incremental hasher, for sets too large to hold at once. */
export interface ContentHasher {
  add(item: ShapeItem): void;
  /** `sha256:<hex>`; the hasher cannot be used afterwards. */
  digest(): string;
}

/** Starts an incremental content hash. */
export function createContentHasher(): ContentHasher {
  const digest = createItemDigest();
  return {
    add: (item) => digest.add(toConceptItem(item)),
    digest: () => digest.finish().contentHash,
  };
}

/** The content hash of a set of items, in their order. */
export function contentHash(items: Iterable<ShapeItem>): string {
  const hasher = createContentHasher();
  for (const item of items) hasher.add(item);
  return hasher.digest();
}
