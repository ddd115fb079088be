/**
 * Migration 5: cached model features of image folders (FID/KID reference sets). Keyed by the
 * folder's content hash + the model file's sha256 + the preprocessing id, so a changed image,
 * model or resize invalidates the entry by construction. The features themselves are kept (not
 * only mean and covariance): exact FID for n < d and KID both need the rows. Also CLIP text
 * embeddings of dataset concepts, per dataset version (immutable) and text-model hash, for the
 * fidelity percentile (every image is ranked against all concepts of its category).
 * Never edit once released.
 */
export const migration005 = {
  version: 5,
  name: 'metric-feature-cache',
  sql: `
CREATE TABLE metric_feature_cache (
  cache_key TEXT PRIMARY KEY,       -- sha256 of folder_hash, model_sha256 and preprocessing
  folder_hash TEXT NOT NULL,        -- sha256 over (relative name, file sha256) of every image
  model_id TEXT NOT NULL,
  model_sha256 TEXT NOT NULL,
  preprocessing TEXT NOT NULL,      -- preprocessing id, e.g. clean-fid-bicubic-299-v1
  n INTEGER NOT NULL,
  d INTEGER NOT NULL,
  features BLOB NOT NULL,           -- n×d float32, little-endian, row-major
  skipped_json TEXT NOT NULL DEFAULT '[]', -- image files that failed to decode
  created_at TEXT NOT NULL
);
CREATE TABLE metric_text_embeddings (
  dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  model_sha256 TEXT NOT NULL,       -- sha256 of the CLIP text model file
  concept_idx INTEGER NOT NULL,
  embedding BLOB NOT NULL,          -- float32, little-endian
  truncated INTEGER NOT NULL,       -- 1 when the text was cut at 77 tokens
  PRIMARY KEY (dataset_id, model_sha256, concept_idx)
);
`,
} as const;
