/**
 * Migration 2: per-item job bookkeeping (so a resumed job redoes nothing it committed), job logs,
 * and the index of the content-addressed image store. Never edit once released.
 */
export const migration002 = {
  version: 2,
  name: 'job-items-images',
  sql: `
CREATE TABLE job_items (
  job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  item_key TEXT NOT NULL,
  status TEXT NOT NULL,            -- ok | failed (a failed item is final for that attempt's policy)
  result_json TEXT,
  attempt INTEGER NOT NULL,        -- the job attempt that committed it
  finished_at TEXT NOT NULL,
  PRIMARY KEY (job_id, item_key)
) WITHOUT ROWID;

CREATE TABLE job_logs (
  id INTEGER PRIMARY KEY,
  job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  line TEXT NOT NULL
);
CREATE INDEX job_logs_job ON job_logs(job_id, id);

CREATE TABLE images (
  hash TEXT PRIMARY KEY,           -- sha256 of the PNG bytes; the file is images/<hash[0:2]>/<hash>.png
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX renders_image ON renders(image_hash);
`,
} as const;
