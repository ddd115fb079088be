import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/database.js';
import { MIGRATIONS, SCHEMA_VERSION, schemaVersion } from '../../../main/store/migrations/index.js';
import { tempDataDir } from '../../fixtures/data-dir.js';

const tables = (db: BetterSqlite3.Database): string[] =>
  (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe('store migrations', () => {
  let tmp = tempDataDir();
  afterEach(() => {
    tmp.cleanup();
    tmp = tempDataDir();
  });

  it('brings an empty database to the latest schema in WAL mode', () => {
    const db = openDatabase(path.join(tmp.dir, 'a.sqlite'));
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'datasets',
        'concepts',
        'runs',
        'samples',
        'generations',
        'renders',
        'metrics',
        'jobs',
        'job_items',
        'job_logs',
        'images',
      ]),
    );
    db.close();
  });

  it.each(MIGRATIONS.slice(0, -1).map((m) => m.version))(
    'upgrades a database written by schema version %i and keeps its rows',
    (from) => {
      const file = path.join(tmp.dir, `v${from}.sqlite`);
      const old = openDatabase(file, { migrateTo: from });
      expect(schemaVersion(old)).toBe(from);
      old
        .prepare(
          `INSERT INTO runs (id, kind, name, status, config_json, config_version, app_version, created_at)
           VALUES ('r1', 'draw', 'old run', 'finished', '{"a":1}', 1, '0.0.1', '2026-01-01T00:00:00Z')`,
        )
        .run();
      old
        .prepare(
          `INSERT INTO jobs (id, kind, params_json, status, created_at, updated_at) VALUES ('j1', 'store.verify', '{}', 'succeeded', 'x', 'x')`,
        )
        .run();
      old.close();

      const db = openDatabase(file);
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT name, config_json FROM runs WHERE id = ?').get('r1')).toEqual({
        name: 'old run',
        config_json: '{"a":1}',
      });
      // Features of later migrations work on the upgraded file.
      db.prepare(
        `INSERT INTO job_items (job_id, item_key, status, attempt, finished_at) VALUES ('j1', 'k', 'ok', 1, 'x')`,
      ).run();
      expect(db.prepare('SELECT COUNT(*) AS n FROM job_items').get()).toEqual({ n: 1 });
      const columns = (db.prepare('PRAGMA table_info(datasets)').all() as { name: string }[]).map(
        (c) => c.name,
      );
      expect(columns).toEqual(expect.arrayContaining(['stats_json', 'description']));
      db.close();
    },
  );

  it('reopening applies nothing twice', () => {
    const file = path.join(tmp.dir, 'b.sqlite');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database from a newer build instead of guessing', () => {
    const file = path.join(tmp.dir, 'new.sqlite');
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer than this build/);
  });
});
