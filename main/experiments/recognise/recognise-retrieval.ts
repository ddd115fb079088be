/**
 * The CLIP retrieval percentile of a recognise run's free-form answers, when the CLIP model is
 * installed (otherwise a warning). An answer is ranked against its truth's category: the concepts
 * of that category in the dataset version (sample inputs), or the run's own truths of that
 * category (files and drawings). Answers without a category, or whose category has one concept,
 * are not ranked (a warning counts them).
 */
import type { MetricRecord } from '../../../shared/metrics.js';
import { MissingModelError } from '../../metrics/models/model-files.js';
import { openClip } from '../../metrics/models/clip.js';
import { retrievalRecords, type RetrievalQuery } from '../../metrics/recognition/retrieval-run.js';
import type { AggregateOptions } from '../../metrics/run/aggregates.js';
import type { Store } from '../../store/store.js';
import { sortedDistinct } from './candidates.js';
import type { ScoredRow } from './recognise-scores.js';

/** What the retrieval part produced. */
export interface RetrievalScores {
  readonly records: ReadonlyArray<MetricRecord>;
  readonly warnings: ReadonlyArray<string>;
}

function descriptionsOf(store: Store, rows: ReadonlyArray<ScoredRow>): (row: ScoredRow) => string[] {
  const own = new Map<string, string[]>();
  for (const r of rows) {
    if (r.dataset_id !== null || r.category === null) continue;
    const list = own.get(r.category) ?? [];
    list.push(r.truth);
    own.set(r.category, list);
  }
  const cache = new Map<string, string[]>();
  const fromDataset = (datasetId: string, category: string): string[] => {
    const key = `${datasetId}\u0000${category}`;
    if (!cache.has(key)) {
      const texts = store.db
        .prepare('SELECT text FROM concepts WHERE dataset_id = ? AND category = ?')
        .all(datasetId, category) as { text: string }[];
      cache.set(key, sortedDistinct(texts.map((t) => t.text)));
    }
    return cache.get(key)!;
  };
  return (row) => {
    if (row.category === null) return [];
    if (row.dataset_id !== null) return fromDataset(row.dataset_id, row.category);
    return sortedDistinct(own.get(row.category) ?? []);
  };
}

/** The retrieval queries of the run's free answers, and how many could not be ranked. */
function queriesOf(
  store: Store,
  rows: ReadonlyArray<ScoredRow>,
): { queries: RetrievalQuery[]; unranked: number } {
  const descriptions = descriptionsOf(store, rows);
  const queries: RetrievalQuery[] = [];
  let unranked = 0;
  for (const row of rows.filter((r) => r.mode === 'free')) {
    const texts = descriptions(row);
    if (texts.length < 2 || !texts.includes(row.truth)) {
      unranked += 1;
      continue;
    }
    const { category, model, language, truth } = row;
    queries.push({
      sampleId: row.sample_id,
      answer: row.answer,
      truth,
      descriptions: texts,
      category,
      model,
      language,
    });
  }
  return { queries, unranked };
}

/** Ranks the free answers with CLIP; a missing CLIP model skips this with a warning. */
export async function retrievalScores(
  store: Store,
  runId: string,
  rows: ReadonlyArray<ScoredRow>,
  options: AggregateOptions,
): Promise<RetrievalScores> {
  const { queries, unranked } = queriesOf(store, rows);
  if (queries.length === 0) return { records: [], warnings: [] };
  const warnings =
    unranked > 0 ? [`${unranked} free answers not ranked by CLIP (no category, or one concept in it)`] : [];
  let clip;
  try {
    clip = await openClip(store.dataDir);
  } catch (error) {
    if (!(error instanceof MissingModelError)) throw error;
    return { records: [], warnings: [`free-form retrieval skipped: ${error.message}`] };
  }
  try {
    return { records: await retrievalRecords(clip, runId, queries, options), warnings };
  } finally {
    await clip.release();
  }
}
