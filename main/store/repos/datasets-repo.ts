/** Persistence of dataset versions and their concepts. A version is written in one transaction. */
import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { ConceptView, DatasetKind, DatasetStats, DatasetSummary } from '../../../shared/datasets.js';
import { AppFailure } from '../../../shared/result.js';

/** A concept as written to the store. */
export type ConceptRow = Omit<ConceptView, 'index'>;

/** Fields of a new dataset version. */
export interface NewDatasetVersion {
  readonly name: string;
  readonly kind: DatasetKind;
  readonly source: string;
  readonly description?: string;
  readonly params: unknown;
  readonly seed: number | null;
  readonly parentId?: string | null;
}

interface DatasetRow {
  id: string;
  name: string;
  version: number;
  kind: DatasetKind;
  source: string;
  description: string;
  params_json: string;
  seed: number | null;
  content_hash: string;
  item_count: number;
  locked: number;
  parent_id: string | null;
  created_at: string;
  stats_json: string;
}

function toSummary(r: DatasetRow): DatasetSummary {
  return {
    id: r.id,
    name: r.name,
    version: r.version,
    kind: r.kind,
    source: r.source,
    description: r.description,
    params: JSON.parse(r.params_json) as unknown,
    seed: r.seed,
    contentHash: r.content_hash,
    count: r.item_count,
    locked: r.locked === 1,
    parentId: r.parent_id,
    createdAt: r.created_at,
    stats: JSON.parse(r.stats_json) as DatasetStats,
  };
}

/** Datasets repository. */
export class DatasetsRepo {
  private readonly insertConcept: Statement;

  constructor(private readonly db: Database) {
    this.insertConcept = db.prepare(
      'INSERT INTO concepts (dataset_id, idx, concept_key, text, category, attributes_json) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  /**
   * Starts a new version (next version number for its name) in the `building` state: invisible to
   * every query until {@link finishVersion}. Concepts are appended in chunks so a 400K-item build
   * never blocks the engine for long, and a failed build is discarded whole.
   */
  beginVersion(meta: NewDatasetVersion): { readonly id: string; readonly version: number } {
    const id = randomUUID();
    return this.db.transaction(() => {
      const { v } = this.db
        .prepare('SELECT COALESCE(MAX(version), 0) + 1 AS v FROM datasets WHERE name = ?')
        .get(meta.name) as { v: number };
      this.db
        .prepare(
          `INSERT INTO datasets (id, name, version, kind, source, description, params_json, seed, content_hash,
             item_count, parent_id, created_at, status)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', 0, ?, ?, 'building')`,
        )
        .run(
          id,
          meta.name,
          v,
          meta.kind,
          meta.source,
          meta.description ?? '',
          JSON.stringify(meta.params),
          meta.seed,
          meta.parentId ?? null,
          new Date().toISOString(),
        );
      return { id, version: v };
    })();
  }

  /** Appends concepts (indices from `firstIndex`) to a building version, in one transaction. */
  appendConcepts(id: string, firstIndex: number, rows: ReadonlyArray<ConceptRow>): void {
    this.db.transaction(() => {
      rows.forEach((row, i) =>
        this.insertConcept.run(
          id,
          firstIndex + i,
          row.key,
          row.text,
          row.category,
          JSON.stringify(row.attributes),
        ),
      );
    })();
  }

  /** Makes a building version visible with its final hash, count and stats. */
  finishVersion(
    id: string,
    digest: { contentHash: string; count: number; stats: DatasetStats },
  ): DatasetSummary {
    this.db
      .prepare(
        `UPDATE datasets SET content_hash = ?, item_count = ?, stats_json = ?, status = 'ready' WHERE id = ? AND status = 'building'`,
      )
      .run(digest.contentHash, digest.count, JSON.stringify(digest.stats), id);
    return this.require(id);
  }

  /** Deletes a version that is still building (a failed or cancelled build). */
  discardVersion(id: string): void {
    this.db.prepare(`DELETE FROM datasets WHERE id = ? AND status = 'building'`).run(id);
  }

  /** Deletes every half-built version a dead process left behind; returns how many. */
  discardAbandonedBuilds(): number {
    return this.db.prepare(`DELETE FROM datasets WHERE status = 'building'`).run().changes;
  }

  /** Every version, newest first. */
  list(): DatasetSummary[] {
    return (
      this.db
        .prepare("SELECT * FROM datasets WHERE status = 'ready' ORDER BY created_at DESC, name, version DESC")
        .all() as DatasetRow[]
    ).map(toSummary);
  }

  /** One version, or null. */
  get(id: string): DatasetSummary | null {
    const row = this.db.prepare("SELECT * FROM datasets WHERE id = ? AND status = 'ready'").get(id) as
      DatasetRow | undefined;
    return row ? toSummary(row) : null;
  }

  /** One version; throws `not_found`. */
  require(id: string): DatasetSummary {
    const found = this.get(id);
    if (!found) throw new AppFailure('not_found', `No dataset ${id}.`);
    return found;
  }

  /** A page of concepts in dataset order, optionally of one category. */
  concepts(id: string, page: { offset: number; limit: number; category?: string }): ConceptView[] {
    const rows = this.db
      .prepare(
        `SELECT idx, concept_key, text, category, attributes_json FROM concepts
         WHERE dataset_id = ? AND (? IS NULL OR category = ?) ORDER BY idx LIMIT ? OFFSET ?`,
      )
      .all(id, page.category ?? null, page.category ?? null, page.limit, page.offset) as ConceptDbRow[];
    return rows.map(toConcept);
  }

  /** Streams every concept of a version in order (for export), without loading them all. */
  *iterateConcepts(id: string): Generator<ConceptView> {
    const stmt = this.db.prepare(
      'SELECT idx, concept_key, text, category, attributes_json FROM concepts WHERE dataset_id = ? ORDER BY idx',
    );
    for (const row of stmt.iterate(id) as Iterable<ConceptDbRow>) yield toConcept(row);
  }

  /** Marks a version as used by a run: from then on it is immutable. */
  lock(id: string): void {
    this.db.prepare('UPDATE datasets SET locked = 1 WHERE id = ?').run(id);
  }

  /** Deletes an unlocked version and its concepts. */
  delete(id: string): void {
    const found = this.require(id);
    if (found.locked)
      throw new AppFailure(
        'conflict',
        `Dataset ${found.name} v${found.version} is used by a run and cannot be deleted.`,
      );
    this.db.prepare('DELETE FROM datasets WHERE id = ?').run(id);
  }
}

interface ConceptDbRow {
  idx: number;
  concept_key: string;
  text: string;
  category: string;
  attributes_json: string;
}

function toConcept(r: ConceptDbRow): ConceptView {
  return {
    index: r.idx,
    key: r.concept_key,
    text: r.text,
    category: r.category,
    attributes: JSON.parse(r.attributes_json) as ConceptView['attributes'],
  };
}
