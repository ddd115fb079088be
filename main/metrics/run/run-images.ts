/**
 * The images of a run that metrics score: for each sample, its latest successful render, with
 * the concept it drew (text and category from the dataset version) and who drew it.
 */
import type { Database } from 'better-sqlite3';

/** One scorable image of a run. */
export interface RunImage {
  readonly sampleId: number;
  readonly datasetId: string | null;
  readonly conceptIdx: number;
  readonly conceptKey: string | null;
  readonly text: string | null;
  readonly category: string | null;
  readonly model: string;
  readonly language: string;
  /** Self-correction round (0 = the first drawing; every sample of other runs is round 0). */
  readonly round: number;
  readonly imageHash: string;
}

interface Row {
  sample_id: number;
  dataset_id: string | null;
  concept_idx: number;
  concept_key: string | null;
  text: string | null;
  category: string | null;
  model: string;
  language: string;
  round: number;
  image_hash: string;
}

/** Every sample of `runId` with an image, in sample order. */
export function runImages(db: Database, runId: string): RunImage[] {
  const rows = db
    .prepare(
      `SELECT s.id AS sample_id, COALESCE(s.dataset_id, r.dataset_id) AS dataset_id, s.concept_idx,
              c.concept_key, c.text, c.category, s.model, s.language, s.round, d.image_hash
       FROM samples s
       JOIN runs r ON r.id = s.run_id
       JOIN renders d ON d.id = (SELECT MAX(id) FROM renders
                                 WHERE sample_id = s.id AND status = 'ok' AND image_hash IS NOT NULL)
       LEFT JOIN concepts c ON c.dataset_id = COALESCE(s.dataset_id, r.dataset_id) AND c.idx = s.concept_idx
       WHERE s.run_id = ?
       ORDER BY s.id`,
    )
    .all(runId) as Row[];
  return rows.map((r) => ({
    sampleId: r.sample_id,
    datasetId: r.dataset_id,
    conceptIdx: r.concept_idx,
    conceptKey: r.concept_key,
    text: r.text,
    category: r.category,
    model: r.model,
    language: r.language,
    round: r.round,
    imageHash: r.image_hash,
  }));
}

/** A category's concepts (index and text) in a dataset version, in dataset order. */
export function categoryConcepts(
  db: Database,
  datasetId: string,
  category: string,
): ReadonlyArray<{ readonly idx: number; readonly text: string }> {
  return db
    .prepare('SELECT idx, text FROM concepts WHERE dataset_id = ? AND category = ? ORDER BY idx')
    .all(datasetId, category) as { idx: number; text: string }[];
}
