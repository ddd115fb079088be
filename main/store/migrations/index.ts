/** Numbered migrations, applied in order at open. Append only: an applied migration is never edited. */
import type { Database } from 'better-sqlite3';
import { migration001 } from './001-initial.js';
import { migration002 } from './002-job-items-images.js';
import { migration003 } from './003-dataset-versions.js';
import { migration004 } from './004-llm.js';
import { migration005 } from './005-metric-feature-cache.js';
import { migration006 } from './006-experiments.js';
import { migration007 } from './007-job-owner.js';

/** One schema step; `version` is stored in SQLite's `user_version` once applied. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, lowest version first. */
export const MIGRATIONS: ReadonlyArray<Migration> = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** The schema version of an open database. */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration above the database's version, each in its own transaction, up to
 * `target` (default: all). Refuses a database written by a newer build rather than guessing.
 */
export function migrate(db: Database, target: number = SCHEMA_VERSION): number {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `The database has schema version ${current}, newer than this build (${SCHEMA_VERSION}); update the workbench.`,
    );
  }
  for (const step of MIGRATIONS) {
    if (step.version <= current || step.version > target) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
  return schemaVersion(db);
}
