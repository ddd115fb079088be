/** Counts for `store.stats`. */
import type { Database } from 'better-sqlite3';
import type { StoreStats } from '../../../shared/app.js';

/** Row and byte counts of the whole store. */
export function storeStats(db: Database): StoreStats {
  const count = (table: string): number =>
    (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const images = db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(bytes), 0) AS b FROM images').get() as {
    n: number;
    b: number;
  };
  return {
    datasets: count('datasets'),
    runs: count('runs'),
    samples: count('samples'),
    renders: count('renders'),
    metrics: count('metrics'),
    jobs: count('jobs'),
    images: images.n,
    imageBytes: images.b,
  };
}
