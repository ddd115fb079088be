/** Migration 1: the run history schema every capability grows from. Never edit once released. */
export const migration001 = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE datasets (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,              -- shapes | objects | scenes | imported
  source TEXT NOT NULL,            -- generator name or imported file description
  params_json TEXT NOT NULL DEFAULT '{}',
  seed INTEGER,
  content_hash TEXT NOT NULL,
  item_count INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  parent_id TEXT REFERENCES datasets(id),
  locked INTEGER NOT NULL DEFAULT 0, -- 1 once a run used it: immutable from then on
  created_at TEXT NOT NULL
);
CREATE TABLE concepts (
  dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  concept_key TEXT NOT NULL,
  text TEXT NOT NULL,
  category TEXT NOT NULL,
  attributes_json TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (dataset_id, idx)
);
CREATE INDEX concepts_category ON concepts(dataset_id, category);

CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,              -- draw | recognise | correct | sample
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  config_json TEXT NOT NULL,
  config_version INTEGER NOT NULL,
  app_version TEXT NOT NULL,
  dataset_id TEXT REFERENCES datasets(id),
  job_id TEXT,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT
);
CREATE INDEX runs_created ON runs(created_at);

CREATE TABLE samples (
  id INTEGER PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  dataset_id TEXT,
  concept_idx INTEGER NOT NULL,
  model TEXT NOT NULL,
  language TEXT NOT NULL,
  strategy TEXT NOT NULL,          -- repeat | param
  sample_index INTEGER NOT NULL,
  round INTEGER NOT NULL DEFAULT 0, -- self-correction round; 0 = the first drawing
  seed INTEGER NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (run_id, concept_idx, model, language, strategy, sample_index, round)
);

CREATE TABLE generations (
  id INTEGER PRIMARY KEY,
  sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  provider TEXT NOT NULL,
  model_id TEXT NOT NULL,
  prompt TEXT NOT NULL,
  messages_json TEXT NOT NULL,
  raw_response TEXT,
  finish_reason TEXT,
  prompt_tokens INTEGER,
  completion_tokens INTEGER,
  ttft_ms REAL,
  duration_ms REAL,
  params_json TEXT NOT NULL,
  template_version TEXT,
  cache_key TEXT,
  cached INTEGER NOT NULL DEFAULT 0,
  error_text TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX generations_sample ON generations(sample_id);
CREATE INDEX generations_cache ON generations(cache_key);

CREATE TABLE renders (
  id INTEGER PRIMARY KEY,
  sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  language TEXT NOT NULL,
  status TEXT NOT NULL,            -- ok | no_code | wrong_language | compile_error | runtime_error | timeout | resource_limit | blank_image
  error_text TEXT,
  image_hash TEXT,
  width INTEGER,
  height INTEGER,
  duration_ms REAL,
  renderer TEXT NOT NULL,
  renderer_version TEXT NOT NULL,
  sandbox TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX renders_sample ON renders(sample_id);

CREATE TABLE metrics (
  id INTEGER PRIMARY KEY,
  run_id TEXT REFERENCES runs(id) ON DELETE CASCADE,
  scope TEXT NOT NULL,             -- sample | concept | category | language | model | run
  scope_key TEXT NOT NULL,
  name TEXT NOT NULL,
  value REAL,
  provenance_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX metrics_run ON metrics(run_id, name, scope);

CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  params_json TEXT NOT NULL,
  status TEXT NOT NULL,
  progress_json TEXT,
  result_json TEXT,
  error_text TEXT,
  attempt INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX jobs_status ON jobs(status);
`,
} as const;
