/**
 * Human drawings captured as code (the `drawings` table): the drawing pad stores its strokes as
 * Processing or SVG code, which a recognise run shows a model like any generated drawing. The
 * strokes themselves are kept as given, for redisplay only.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppFailure } from '../../../shared/result.js';
import type { DrawingView } from '../../../shared/runs.js';

/** Fields of a new drawing. */
export interface NewDrawing {
  readonly concept: string;
  readonly category?: string | null;
  readonly language: DrawingView['language'];
  readonly code: string;
  readonly strokes?: unknown;
}

interface Row {
  id: string;
  concept: string;
  category: string | null;
  language: DrawingView['language'];
  code: string;
  strokes_json: string | null;
  created_at: string;
}

const SELECT = 'SELECT id, concept, category, language, code, strokes_json, created_at FROM drawings';

function toView(row: Row): DrawingView {
  return {
    id: row.id,
    concept: row.concept,
    category: row.category,
    language: row.language,
    code: row.code,
    strokes: row.strokes_json === null ? null : (JSON.parse(row.strokes_json) as unknown),
    createdAt: row.created_at,
  };
}

/** Drawings repository. */
export class DrawingsRepo {
  constructor(private readonly db: Database) {}

  /** Stores a drawing under a new id and returns it as stored. */
  save(drawing: NewDrawing): DrawingView {
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO drawings (id, concept, category, language, code, strokes_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        drawing.concept,
        drawing.category ?? null,
        drawing.language,
        drawing.code,
        drawing.strokes === undefined ? null : JSON.stringify(drawing.strokes),
        new Date().toISOString(),
      );
    return this.get(id)!;
  }

  /** Every drawing, newest first (insertion order breaks ties within one millisecond). */
  list(): DrawingView[] {
    const rows = this.db.prepare(`${SELECT} ORDER BY created_at DESC, rowid DESC`).all() as Row[];
    return rows.map(toView);
  }

  /** The drawings saved up to `at` (an ISO time), oldest first: a run's inputs as they stood. */
  savedUpTo(at: string): DrawingView[] {
    const rows = this.db
      .prepare(`${SELECT} WHERE created_at <= ? ORDER BY created_at, rowid`)
      .all(at) as Row[];
    return rows.map(toView);
  }

  /** One drawing, or null. */
  get(id: string): DrawingView | null {
    const row = this.db.prepare(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
    return row ? toView(row) : null;
  }

  /** One drawing; `not_found` when there is none. */
  require(id: string): DrawingView {
    const drawing = this.get(id);
    if (!drawing) throw new AppFailure('not_found', `No drawing ${id}.`);
    return drawing;
  }
}
