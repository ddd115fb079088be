/** The store of one data directory: the SQLite run history plus the image store. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from './database.js';
import { ImageStore } from './image-store.js';
import { schemaVersion } from './migrations/index.js';
import { DatasetsRepo } from './repos/datasets-repo.js';
import { JobsRepo } from './repos/jobs-repo.js';
import { RunsRepo } from './repos/runs-repo.js';
import { SamplesRepo } from './repos/samples-repo.js';

/** File name of the run history inside the data directory. */
export const DATABASE_FILE = 'vcheck.sqlite';

/** Options for {@link openStore}. */
export interface StoreOptions {
  readonly dataDir: string;
  readonly nativeBinding?: string;
}

/** An open store. Repositories take the connection; moving them to a worker changes no caller. */
export interface Store {
  readonly dataDir: string;
  readonly db: Database;
  readonly images: ImageStore;
  readonly runs: RunsRepo;
  readonly jobs: JobsRepo;
  readonly datasets: DatasetsRepo;
  readonly samples: SamplesRepo;
  readonly schemaVersion: number;
  close(): void;
}

/** Opens (creating if needed) the store under `dataDir`. */
export function openStore(options: StoreOptions): Store {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(
    path.join(options.dataDir, DATABASE_FILE),
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  return {
    dataDir: options.dataDir,
    db,
    images: new ImageStore(options.dataDir, db),
    runs: new RunsRepo(db),
    jobs: new JobsRepo(db),
    datasets: new DatasetsRepo(db),
    samples: new SamplesRepo(db),
    schemaVersion: schemaVersion(db),
    close: () => db.close(),
  };
}
