/**
 * The dataset version of the built-in sample run: the 16 concepts of `resources/samples/
 * concepts.json`, their ids as concept keys and their categories kept, written through the same
 * repository and content digest as every dataset build. An identical version installed earlier
 * (same source and content hash) is reused rather than duplicated.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { createItemDigest } from '../../datasets/content-digest.js';
import type { ConceptRow } from '../../store/repos/datasets-repo.js';
import type { Store } from '../../store/store.js';

/** The `source` of the sample dataset's versions. */
export const SAMPLE_DATASET_SOURCE = 'builtin:samples';

const conceptsFile = z.array(
  z.object({ id: z.string().min(1), category: z.string().min(1), concept: z.string().min(1) }),
);

/** The sample concepts as dataset rows, in file order. */
export function sampleConcepts(samplesDir: string): ConceptRow[] {
  const parsed = conceptsFile.parse(JSON.parse(readFileSync(path.join(samplesDir, 'concepts.json'), 'utf8')));
  return parsed.map((c) => ({ key: c.id, text: c.concept, category: c.category, attributes: {} }));
}

/** The id of the sample dataset version, written now unless an identical one exists. */
export function installSampleDataset(store: Store, samplesDir: string): string {
  const rows = sampleConcepts(samplesDir);
  const digest = createItemDigest();
  rows.forEach((row) => digest.add(row));
  const summary = digest.finish();
  const existing = store.datasets
    .list()
    .find((d) => d.source === SAMPLE_DATASET_SOURCE && d.contentHash === summary.contentHash);
  if (existing) return existing.id;
  const { id } = store.datasets.beginVersion({
    name: 'sample concepts',
    kind: 'imported',
    source: SAMPLE_DATASET_SOURCE,
    description: 'The 16 concepts of the built-in sample run (5 shapes, 6 objects, 5 scenes).',
    params: { builtin: 'samples', file: 'resources/samples/concepts.json' },
    seed: null,
  });
  try {
    store.datasets.appendConcepts(id, 0, rows);
    return store.datasets.finishVersion(id, summary).id;
  } catch (error) {
    store.datasets.discardVersion(id);
    throw error;
  }
}
