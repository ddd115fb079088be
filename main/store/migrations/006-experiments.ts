/**
 * Migration 6: the experiments. A sample learns its code, its argument setting (`param` strategy),
 * the sample it continues (self-correct: the previous round; recognise: the drawing read) and its
 * error; a run learns the versions it ran with and the run it was derived from. Recognitions and
 * human drawings get their own tables. Never edit once released.
 */
export const migration006 = {
  version: 6,
  name: 'experiments',
  sql: `
ALTER TABLE runs ADD COLUMN versions_json TEXT;
ALTER TABLE runs ADD COLUMN parent_run_id TEXT;
ALTER TABLE samples ADD COLUMN parent_sample_id INTEGER;
ALTER TABLE samples ADD COLUMN args_json TEXT;
ALTER TABLE samples ADD COLUMN code TEXT;
ALTER TABLE samples ADD COLUMN error_text TEXT;
CREATE INDEX samples_run ON samples(run_id, id);
CREATE INDEX samples_parent ON samples(parent_sample_id);
CREATE INDEX runs_job ON runs(job_id);

CREATE TABLE recognitions (
  sample_id INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,
  mode TEXT NOT NULL,               -- free | choice
  input_kind TEXT NOT NULL,         -- sample | file | drawing
  input_ref TEXT,                   -- the source sample id, file path or drawing id
  code TEXT NOT NULL,
  truth TEXT NOT NULL,
  candidates_json TEXT,             -- choice: the options shown, in order
  answer TEXT,
  chosen TEXT,                      -- choice: the option parsed from the answer
  correct INTEGER,                  -- 1/0; null when not scorable
  match TEXT,                       -- free: exact | synonym | contains | none
  created_at TEXT NOT NULL
);

CREATE TABLE drawings (
  id TEXT PRIMARY KEY,
  concept TEXT NOT NULL,
  category TEXT,
  language TEXT NOT NULL,           -- processing | svg
  code TEXT NOT NULL,
  strokes_json TEXT,
  created_at TEXT NOT NULL
);
`,
} as const;
