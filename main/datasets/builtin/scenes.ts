/**
 * The built-in scene descriptions: 1,000 original sentences in the style of MS-COCO captions, each
 * with a stable id and tags (setting and theme) for slicing results.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConceptItem } from '../concept-item.js';
import { datasetResourcesDir } from './resources-dir.js';

/** One entry of resources/datasets/scenes.json. */
export interface BuiltinScene {
  /** Stable id, `scn-0001` … `scn-1000`; never reused or renumbered. */
  readonly id: string;
  /** Lower-case caption without a trailing period, 6–20 words. */
  readonly text: string;
  /** `indoor` or `outdoor`. */
  readonly setting: string;
  /** What the scene is mostly about, e.g. `people`, `animals`, `food`, `city`. */
  readonly theme: string;
}

let cached: readonly BuiltinScene[] | undefined;

/** The entries of scenes.json, in id order. */
export function builtinSceneEntries(): readonly BuiltinScene[] {
  cached ??= JSON.parse(
    readFileSync(path.join(datasetResourcesDir(), 'scenes.json'), 'utf8'),
  ) as BuiltinScene[];
  return cached;
}

/** The built-in scenes as concept items (category `scenes`, key = the stable id). */
export function builtinScenes(): ConceptItem[] {
  return builtinSceneEntries().map((entry) => ({
    key: entry.id,
    text: entry.text,
    category: 'scenes',
    attributes: { source: 'builtin', setting: entry.setting, theme: entry.theme },
  }));
}
