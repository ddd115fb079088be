/**
 * The content hash and the per-category / per-attribute counts of a dataset version, computed in
 * one pass while the rows are written. The hash covers the items only (not the name or the time),
 * in order, in a canonical serialisation: the same seed and settings give the same hash anywhere.
 */
import { createHash } from 'node:crypto';
import type { ConceptAttributeValue, DatasetStats } from '../../shared/datasets.js';
import type { ConceptRow } from '../store/repos/datasets-repo.js';

/** Accumulates the content hash and counts while the rows stream in. */
export interface ItemDigest {
  add(row: ConceptRow): void;
  finish(): { readonly contentHash: string; readonly count: number; readonly stats: DatasetStats };
}

/** Names the serialisation, so a change to it can never collide with an old hash. */
export const CONTENT_HASH_FORMAT = 'vcheck/concepts/v1';

/** Attributes with more distinct values than this (ids, counts) are summarised, not tabulated. */
export const MAX_TABULATED_VALUES = 100;
/** The key that replaces the table of an attribute with too many distinct values. */
export const DISTINCT_VALUES_KEY = '(distinct values)';

/** The canonical line of one item: `[key, text, category, attributes with keys in code-unit order]`. */
export function canonicalItem(row: ConceptRow): string {
  const keys = Object.keys(row.attributes).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const attributes = keys.map((k) => [k, row.attributes[k]]);
  return JSON.stringify([row.key, row.text, row.category, attributes]);
}

/** A fresh digest: sha256 over the canonical lines, plus the counts. */
export function createItemDigest(): ItemDigest {
  const hash = createHash('sha256');
  hash.update(`${CONTENT_HASH_FORMAT}\n`);
  let count = 0;
  // Lines go to the hash in 64 KiB chunks: one update per item costs more than the hashing.
  let chunk = '';
  const categories = new Map<string, number>();
  const attributes = new Map<string, Map<string, number>>();
  const bump = (map: Map<string, number>, key: string): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  return {
    add(row) {
      count += 1;
      chunk += `${canonicalItem(row)}\n`;
      if (chunk.length >= 65_536) {
        hash.update(chunk);
        chunk = '';
      }
      bump(categories, row.category);
      for (const [name, value] of Object.entries(row.attributes)) {
        let table = attributes.get(name);
        if (!table) attributes.set(name, (table = new Map()));
        for (const v of valuesOf(value)) bump(table, v);
      }
    },
    finish() {
      return {
        contentHash: `sha256:${hash.update(chunk).digest('hex')}`,
        count,
        stats: toStats(categories, attributes),
      };
    },
  };
}

function valuesOf(value: ConceptAttributeValue): string[] {
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function toStats(
  categories: Map<string, number>,
  attributes: Map<string, Map<string, number>>,
): DatasetStats {
  const sorted = (m: Map<string, number>): Record<string, number> =>
    Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const attributeStats: Record<string, Record<string, number>> = {};
  for (const [name, table] of [...attributes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    attributeStats[name] =
      table.size > MAX_TABULATED_VALUES ? { [DISTINCT_VALUES_KEY]: table.size } : sorted(table);
  }
  return { categories: sorted(categories), attributes: attributeStats };
}
