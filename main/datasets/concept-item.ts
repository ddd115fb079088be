/**
 * The common concept item every source produces (built-in lists, importers, the shapes generator),
 * the summary an import returns, and the explicit normalisation and deduplication rules.
 */

import type { ConceptAttributeValue } from '../../shared/datasets.js';
import type { ConceptRow } from '../store/repos/datasets-repo.js';

export type { ConceptAttributeValue };

/**
 * One concept of a dataset: what a model is asked to draw. The same shape the store writes:
 * `key` is a stable id within its source (`ade:person`, `coco:391895:12345`, `line:17`), `text` is
 * already normalised, `category` is `objects` | `scenes` | `shapes` | user-defined, and attributes
 * stay flat so results can be sliced by them.
 */
export type ConceptItem = ConceptRow;

/** The importers there are (the `vcheck datasets import <kind>` names). */
export type ImportKind = 'ade20k-objects' | 'coco-captions' | 'lines' | 'csv' | 'jsonl';

/** Where an import came from: enough to repeat it and to prove which bytes it read. */
export interface ImportSource {
  readonly kind: ImportKind;
  /** The file path as given. */
  readonly file: string;
  /** SHA-256 (hex) of the file bytes exactly as read. */
  readonly sha256: string;
  /** The options the import ran with, defaults filled in (e.g. `{ n: 1000, seed: 7 }`). */
  readonly options: Readonly<Record<string, unknown>>;
}

/** Counts of an import. `read` counts candidate concepts (lines, rows, records, captions). */
export interface ImportStats {
  readonly read: number;
  readonly kept: number;
  readonly duplicatesDropped: number;
  readonly emptyDropped: number;
}

/** What every importer returns: all items or (by throwing) none. */
export interface ImportSummary {
  readonly items: ConceptItem[];
  readonly source: ImportSource;
  readonly stats: ImportStats;
}

/**
 * How much normalisation a text gets.
 * - `plain`: Unicode NFC, every run of whitespace (any Unicode space, tabs, newlines) becomes one
 *   space, then trim. Case and punctuation are kept: a user's list is taken as written.
 * - `caption`: `plain`, then trailing periods are removed (captions are prompts, not sentences), a
 *   fully upper-case caption is lower-cased, and otherwise the first letter is lower-cased unless
 *   the first word is an acronym (two or more letters, all capitals: "TV", "USA"). Proper nouns
 *   later in the caption are kept ("a view of Central Park").
 */
export type NormalisationMode = 'plain' | 'caption';

/** Normalises a concept text by the rules of `mode` (see {@link NormalisationMode}). */
export function normaliseConceptText(text: string, mode: NormalisationMode = 'plain'): string {
  const plain = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (mode === 'plain') return plain;
  const stripped = plain.replace(/[\s.]+$/u, '');
  if (!/\p{Ll}/u.test(stripped)) return stripped.toLowerCase();
  const firstWord = /^[^\s]+/u.exec(stripped)?.[0] ?? '';
  if (/^\p{Lu}{2,}$/u.test(firstWord.replace(/[^\p{L}]/gu, ''))) return stripped;
  return stripped.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase());
}

/**
 * The key two texts are duplicates under: case-insensitive after normalisation (locale-independent
 * lower-casing, so every machine agrees).
 */
export function dedupKey(normalisedText: string): string {
  return normalisedText.toLowerCase();
}

/**
 * Collects items under the dedup rule: empty texts are dropped, the first occurrence of a text wins,
 * later duplicates are dropped and counted.
 */
export class ConceptCollector {
  private readonly seen = new Set<string>();
  private readonly kept: ConceptItem[] = [];
  private read = 0;
  private duplicates = 0;
  private empty = 0;

  /** Offers an item whose text is already normalised; returns whether it was kept. */
  offer(item: ConceptItem): boolean {
    this.read += 1;
    if (item.text === '') {
      this.empty += 1;
      return false;
    }
    const key = dedupKey(item.text);
    if (this.seen.has(key)) {
      this.duplicates += 1;
      return false;
    }
    this.seen.add(key);
    this.kept.push(item);
    return true;
  }

  /** How many items have been kept so far. */
  get size(): number {
    return this.kept.length;
  }

  /** The kept items, in the order offered. */
  items(): ConceptItem[] {
    return [...this.kept];
  }

  /** The counts so far; `read` may be overridden when the source counts candidates differently. */
  stats(read = this.read): ImportStats {
    return { read, kept: this.kept.length, duplicatesDropped: this.duplicates, emptyDropped: this.empty };
  }
}
