/** Opening the SQLite run history: WAL mode, foreign keys, migrations applied at open. */
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrations/index.js';

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** A better-sqlite3 binary built for another ABI (Electron); default: the package's own. */
  readonly nativeBinding?: string;
  /** Migrate up to this version only (tests of upgrades); default: latest. */
  readonly migrateTo?: number;
}

/** Opens (creating if needed) the database file and brings its schema up to date. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  const db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // WAL: readers (the UI) never block the writer (a run); NORMAL sync is durable across app
    // crashes (only a power cut can lose the last transactions), and much faster per commit.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MiB page cache: building a 400K-concept version inserts into a unique key index in random
    // order, which the 2 MiB default turns into disk-bound page thrash.
    db.pragma('cache_size = -65536');
    migrate(db, options.migrateTo);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
