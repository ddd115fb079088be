/** Application-level types: what `app.info` and `store.stats` return. */

/** Facts about the running engine. */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly dataDir: string;
  readonly schemaVersion: number;
}

/** Row and byte counts of the store, for the status bar and `vcheck store stats`. */
export interface StoreStats {
  readonly datasets: number;
  readonly runs: number;
  readonly samples: number;
  readonly renders: number;
  readonly metrics: number;
  readonly jobs: number;
  readonly images: number;
  readonly imageBytes: number;
}

/** Names of the tables `store.changed` can report, so the UI refetches only what it shows. */
export type StoreTable = 'datasets' | 'runs' | 'samples' | 'renders' | 'metrics' | 'jobs' | 'images';
