/** The concept importers: one call per format, or {@link runImport} for a tagged request. */
import { assertNever } from '../../../shared/result.js';
import type { ImportSummary } from '../concept-item.js';
import type { Ade20kOptions } from './ade20k-objects.js';
import { importAde20kObjects } from './ade20k-objects.js';
import type { CocoCaptionOptions } from './coco-captions.js';
import { importCocoCaptions } from './coco-captions.js';
import type { CsvOptions } from './csv-importer.js';
import { importCsv } from './csv-importer.js';
import type { JsonlOptions } from './jsonl-importer.js';
import { importJsonl } from './jsonl-importer.js';
import type { LinesOptions } from './lines-importer.js';
import { importLines } from './lines-importer.js';

export { importAde20kObjects, importCocoCaptions, importCsv, importJsonl, importLines };
export type { Ade20kOptions, CocoCaptionOptions, CsvOptions, JsonlOptions, LinesOptions };
export type { ColumnRef } from './csv-columns.js';
export { ImportError } from './import-error.js';
export type { ImportErrorDetail } from './import-error.js';

/** One import, tagged by kind (the `vcheck datasets import <kind>` names). */
export type ImportRequest =
  | { readonly kind: 'ade20k-objects'; readonly file: string; readonly options?: Ade20kOptions }
  | { readonly kind: 'coco-captions'; readonly file: string; readonly options?: CocoCaptionOptions }
  | { readonly kind: 'lines'; readonly file: string; readonly options?: LinesOptions }
  | { readonly kind: 'csv'; readonly file: string; readonly options?: CsvOptions }
  | { readonly kind: 'jsonl'; readonly file: string; readonly options?: JsonlOptions };

/**
 * Runs one import: resolves with every item or rejects with an {@link ImportError} (bad input) or
 * a RangeError (bad options); nothing is half-imported.
 */
export function runImport(request: ImportRequest): Promise<ImportSummary> {
  switch (request.kind) {
    case 'ade20k-objects':
      return importAde20kObjects(request.file, request.options);
    case 'coco-captions':
      return importCocoCaptions(request.file, request.options);
    case 'lines':
      return importLines(request.file, request.options);
    case 'csv':
      return importCsv(request.file, request.options);
    case 'jsonl':
      return importJsonl(request.file, request.options);
    default:
      return assertNever(request, 'import kind');
  }
}
