/**
 * Where each input's distractors come from. A sample of a draw run has its dataset version: the
 * concepts of its category there, then any concept of that version or of the other inputs. A file or
 * drawing has only the run's own inputs: those of the same category, then any of them.
 */
import type { Database } from 'better-sqlite3';
import { sortedDistinct, type CandidatePool } from './candidates.js';
import type { RecognitionInput } from './inputs.js';

interface ConceptRow {
  text: string;
  category: string;
}

/** Sorted distinct texts per group key. */
function groupTexts<T>(
  items: ReadonlyArray<T>,
  keyOf: (item: T) => string | null,
  textOf: (item: T) => string,
) {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const list = groups.get(key) ?? [];
    list.push(textOf(item));
    groups.set(key, list);
  }
  return new Map([...groups].map(([key, texts]) => [key, sortedDistinct(texts)]));
}

/** A dataset version's concept pools: per category, and all of them with the run's inputs. */
interface DatasetPools {
  readonly byCategory: ReadonlyMap<string, ReadonlyArray<string>>;
  readonly all: ReadonlyArray<string>;
}

/** The candidate pool of every input, in input order (pools are shared, never copied per input). */
export function candidatePools(
  db: Database,
  inputs: ReadonlyArray<RecognitionInput>,
): ReadonlyArray<CandidatePool> {
  const truths = inputs.map((i) => i.truth);
  const allTruths = sortedDistinct(truths);
  const inputCategories = groupTexts(
    inputs,
    (i) => i.category,
    (i) => i.truth,
  );
  const datasets = new Map<string, DatasetPools>();
  const poolsOf = (datasetId: string): DatasetPools => {
    const known = datasets.get(datasetId);
    if (known) return known;
    const rows = db
      .prepare('SELECT text, category FROM concepts WHERE dataset_id = ?')
      .all(datasetId) as ConceptRow[];
    const pools = {
      byCategory: groupTexts(
        rows,
        (r) => r.category,
        (r) => r.text,
      ),
      all: sortedDistinct([...rows.map((r) => r.text), ...truths]),
    };
    datasets.set(datasetId, pools);
    return pools;
  };
  return inputs.map((input): CandidatePool => {
    if (input.datasetId === null)
      return {
        sameCategory: input.category === null ? [] : (inputCategories.get(input.category) ?? []),
        others: allTruths,
      };
    const pools = poolsOf(input.datasetId);
    return {
      sameCategory: input.category === null ? [] : (pools.byCategory.get(input.category) ?? []),
      others: pools.all,
    };
  });
}
