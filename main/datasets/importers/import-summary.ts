/** Shared endings of every importer: the summary, and the "no concepts found" error. */
import type { ConceptCollector, ImportKind, ImportSummary } from '../concept-item.js';
import { ImportError } from './import-error.js';
import type { TextFile } from './text-file.js';

/**
 * The summary of a finished read of `text`; throws "no concepts found" when nothing was kept, so an
 * import never yields an empty dataset. `read` overrides the collector's count of candidates.
 */
export function summarise(
  kind: ImportKind,
  text: TextFile,
  options: Readonly<Record<string, unknown>>,
  collector: ConceptCollector,
  read?: number,
): ImportSummary {
  if (collector.size === 0) {
    const why = text.bytesRead === 0 ? 'the file is empty' : 'no line or record holds a concept';
    throw new ImportError({
      file: text.file,
      line: 1,
      expected: 'at least one concept',
      found: `no concepts (${why})`,
    });
  }
  return {
    items: collector.items(),
    source: { kind, file: text.file, sha256: text.sha256, options },
    stats: collector.stats(read),
  };
}
