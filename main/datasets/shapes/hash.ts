/**
 * Content hash of a set: sha256 over a canonical serialisation of its items in order (one JSON
 * array per item, attributes as name/value pairs in code-unit order). The order is part of the
 * content because a dataset version promises "same set, same order".
 */
import { createHash } from 'node:crypto';
import { compareCodeUnits } from './order.js';
import type { ShapeItem } from './types.js';

/** Names the serialisation, so a change to it can never collide with an old hash. */
export const CONTENT_HASH_FORMAT = 'vcheck/shapes-items/v1';

/** The canonical line of one item (independent of the key order of its attributes object). */
export function canonicalItemLine(item: ShapeItem): string {
  const names = Object.keys(item.attributes) as (keyof ShapeItem['attributes'])[];
  if (!isSorted(names)) names.sort(compareCodeUnits);
  const attributes = names.map((name) => [name, item.attributes[name]]);
  return JSON.stringify([item.key, item.category, item.shapes, attributes, item.description]);
}

function isSorted(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) if (compareCodeUnits(names[i - 1]!, names[i]!) > 0) return false;
  return true;
}

/** An incremental hasher, for sets too large to hold at once. */
export interface ContentHasher {
  add(item: ShapeItem): void;
  /** `sha256:<hex>`; the hasher cannot be used afterwards. */
  digest(): string;
}

/** Starts an incremental content hash. */
export function createContentHasher(): ContentHasher {
  const hash = createHash('sha256');
  hash.update(`${CONTENT_HASH_FORMAT}\n`);
  // Lines are fed to the hash in 64 KiB chunks: one update per item costs more than the hashing.
  let chunk = '';
  return {
    add: (item) => {
      chunk += `${canonicalItemLine(item)}\n`;
      if (chunk.length >= 65_536) {
        hash.update(chunk);
        chunk = '';
      }
    },
    digest: () => `sha256:${hash.update(chunk).digest('hex')}`,
  };
}

/** The content hash of a set of items, in their order. */
export function contentHash(items: Iterable<ShapeItem>): string {
  const hasher = createContentHasher();
  for (const item of items) hasher.add(item);
  return hasher.digest();
}
