/**
 * Deriving a new version from an existing one — how a dataset is edited, since a version never
 * changes: keep some categories, drop some keys, append concepts, then optionally keep a seeded
 * sample. The result is the next version of the same name, with `parentId` pointing back.
 */
import type { DatasetBuildParams } from '../../shared/jobs.js';
import { AppFailure } from '../../shared/result.js';
import type { Store } from '../store/store.js';
import type { ConceptSource } from './concept-sources.js';
import { dedupKey, normaliseConceptText, type ConceptItem } from './concept-item.js';
import { seededPermutation } from './shapes/permutation.js';

type DeriveParams = Extract<DatasetBuildParams, { source: 'derive' }>;

function appended(
  add: DeriveParams['add'],
  kept: ReadonlyArray<ConceptItem>,
  fallbackCategory: string,
): ConceptItem[] {
  const seen = new Set(kept.map((c) => dedupKey(c.text)));
  const keys = new Set(kept.map((c) => c.key));
  const items: ConceptItem[] = [];
  (add ?? []).forEach((entry, i) => {
    const text = normaliseConceptText(entry.text);
    if (text === '' || seen.has(dedupKey(text))) return;
    seen.add(dedupKey(text));
    let key = `added:${i + 1}`;
    while (keys.has(key)) key = `${key}'`;
    keys.add(key);
    items.push({ key, text, category: entry.category ?? fallbackCategory, attributes: { source: 'added' } });
  });
  return items;
}

/** The concepts of a derived version, resolved eagerly (a parent fits in memory: it was built once). */
export function deriveSource(params: DeriveParams, store: Store): ConceptSource {
  const parent = store.datasets.require(params.from);
  const drop = new Set(params.dropKeys ?? []);
  const categories = params.categories ? new Set(params.categories) : null;
  const kept: ConceptItem[] = [];
  for (const c of store.datasets.iterateConcepts(parent.id)) {
    if (drop.has(c.key) || (categories && !categories.has(c.category))) continue;
    kept.push({ key: c.key, text: c.text, category: c.category, attributes: c.attributes });
  }
  const fallbackCategory = Object.keys(parent.stats.categories)[0] ?? 'custom';
  let items = [...kept, ...appended(params.add, kept, fallbackCategory)];
  if (params.sample) {
    if (params.sample.size > items.length) {
      throw new AppFailure(
        'validation',
        `sample size ${params.sample.size} exceeds the ${items.length} concepts left`,
      );
    }
    const permutation = seededPermutation(items.length, params.sample.seed);
    const all = items;
    items = Array.from({ length: params.sample.size }, (_, i) => all[permutation.at(i)] as ConceptItem);
  }
  const { from: _from, name: _name, description: _description, ...edits } = params;
  return {
    kind: parent.kind,
    defaultName: parent.name,
    source: `derive:${parent.id}`,
    seed: params.sample?.seed ?? null,
    provenance: {
      derivedFrom: {
        id: parent.id,
        name: parent.name,
        version: parent.version,
        contentHash: parent.contentHash,
      },
      edits,
    },
    total: items.length,
    items,
    parentId: parent.id,
  };
}
