/** The built-in catalogue of recommended GGUF models (resources/models/catalogue.json). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const entrySchema = z.object({
  id: z.string().regex(/^[a-z0-9._-]+$/),
  name: z.string(),
  parameters: z.string(),
  quantisation: z.string(),
  sizeBytes: z.number().int().positive(),
  url: z.string().url(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  license: z.string(),
});

/** One recommended model. `sha256` null: not verified when the catalogue was written. */
export type CatalogueEntry = z.infer<typeof entrySchema>;

const catalogueSchema = z.object({ note: z.string(), models: z.array(entrySchema) });

/** Finds resources/models above this file (source tree, built tree, asar). */
function catalogueFile(): string {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources', 'models', 'catalogue.json');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir)
      throw new Error(`Cannot find resources/models/catalogue.json above ${start}`);
  }
}

/** The catalogue, validated. */
export function modelCatalogue(): readonly CatalogueEntry[] {
  return catalogueSchema.parse(JSON.parse(readFileSync(catalogueFile(), 'utf8'))).models;
}

/** A catalogue entry by id, or undefined. */
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return modelCatalogue().find((m) => m.id === id);
}
