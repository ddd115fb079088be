/**
 * The built-in object list: 1,000 common, concrete, drawable object categories with stable ids,
 * roughly most frequent in scene photos first (see README.md: not the official ADE20K ranking).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConceptItem } from '../concept-item.js';
import { datasetResourcesDir } from './resources-dir.js';

/** One entry of resources/datasets/objects.json. */
export interface BuiltinObject {
  /** Stable id, `obj-0001` … `obj-1000`; never reused or renumbered. */
  readonly id: string;
  /** Lower-case singular noun (phrase), usable in "draws a/an <name>". */
  readonly name: string;
  readonly synonyms: readonly string[];
}

let cached: readonly BuiltinObject[] | undefined;

/** The entries of objects.json, in rank order. */
export function builtinObjectEntries(): readonly BuiltinObject[] {
  cached ??= JSON.parse(
    readFileSync(path.join(datasetResourcesDir(), 'objects.json'), 'utf8'),
  ) as BuiltinObject[];
  return cached;
}

/** The built-in objects as concept items (category `objects`, key = the stable id). */
export function builtinObjects(): ConceptItem[] {
  return builtinObjectEntries().map((entry, index) => ({
    key: entry.id,
    text: entry.name,
    category: 'objects',
    attributes: { source: 'builtin', rank: index + 1, synonyms: entry.synonyms },
  }));
}
