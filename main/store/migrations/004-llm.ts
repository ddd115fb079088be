/**
 * Migration 4: the language-model module's tables. User prompt templates (versioned: an edit is a
 * new version, so a run's recorded template version always resolves), the response cache (one
 * row per full key, repeats included), and the GGUF models the model manager knows.
 * Never edit once released.
 */
export const migration004 = {
  version: 4,
  name: 'llm',
  sql: `
CREATE TABLE prompt_templates (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  task TEXT NOT NULL,              -- draw | draw-function | recognise-free | recognise-choice | correct | correct-critique
  description TEXT NOT NULL DEFAULT '',
  messages_json TEXT NOT NULL,     -- [{ role, content }] with {placeholders}
  created_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
) WITHOUT ROWID;

CREATE TABLE llm_cache (
  key TEXT PRIMARY KEY,            -- sha256 of the canonical JSON in key_json
  key_json TEXT NOT NULL,
  result_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  hits INTEGER NOT NULL DEFAULT 0,
  last_hit_at TEXT
) WITHOUT ROWID;

CREATE TABLE llm_models (
  id TEXT PRIMARY KEY,             -- first 12 hex digits of the file's sha256 (or of the URL while downloading)
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  storage TEXT NOT NULL,           -- reference | copy | download
  status TEXT NOT NULL,            -- ready | downloading | failed
  sha256 TEXT,
  expected_sha256 TEXT,
  size_bytes INTEGER,
  source_url TEXT,
  info_json TEXT,                  -- the GGUF header facts
  error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`,
} as const;
