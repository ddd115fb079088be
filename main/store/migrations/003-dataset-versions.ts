/**
 * Migration 3: dataset versions. Precomputed counts per category and attribute value (so showing a
 * 400K-item dataset is instant), a description, and one key per concept within a version.
 * Never edit once released.
 */
export const migration003 = {
  version: 3,
  name: 'dataset-versions',
  sql: `
ALTER TABLE datasets ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE datasets ADD COLUMN stats_json TEXT NOT NULL DEFAULT '{}';
CREATE UNIQUE INDEX datasets_name_version ON datasets(name, version);
CREATE UNIQUE INDEX concepts_key ON concepts(dataset_id, concept_key);
`,
} as const;
