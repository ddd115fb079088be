/** Resolves the columns a CSV/TSV import reads, by header name or by 1-based column number. */
import { ImportError, quoteFound } from './import-error.js';

/** A column chosen by its header name or by its 1-based number (as in `cut -f`). */
export type ColumnRef = string | number;

/** The columns of one import, as 0-based indexes. */
export interface ResolvedColumns {
  readonly text: number;
  readonly category: number | undefined;
  readonly key: number | undefined;
  /** Attribute columns with the attribute name each becomes. */
  readonly attributes: ReadonlyArray<{ readonly index: number; readonly name: string }>;
}

/** Context for resolving columns: the header (if any) and where it is. */
export interface ColumnContext {
  readonly file: string;
  readonly header: readonly string[] | undefined;
  /** How many fields the first record has (bounds numeric references). */
  readonly width: number;
  readonly line: number;
}

/** Resolves one reference to a 0-based index, or throws an ImportError naming what is there. */
export function resolveColumn(ref: ColumnRef, context: ColumnContext, role: string): number {
  const { file, header, width, line } = context;
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 1 && ref <= width) return ref - 1;
    throw new ImportError({
      file,
      line,
      expected: `${role} column number between 1 and ${width}`,
      found: String(ref),
    });
  }
  if (!header) {
    throw new ImportError({
      file,
      line,
      expected: `${role} column by number (the file has no header row to name "${ref}")`,
      found: `the name ${quoteFound(ref)}`,
    });
  }
  const exact = header.indexOf(ref);
  const index =
    exact >= 0 ? exact : header.findIndex((name) => name.trim().toLowerCase() === ref.trim().toLowerCase());
  if (index >= 0) return index;
  throw new ImportError({
    file,
    line,
    expected: `${role} column named ${quoteFound(ref)} in the header`,
    found: `the columns ${header.map((name) => quoteFound(name)).join(', ')}`,
  });
}

/** The attribute name of column `index`: its header name, or `column<n>` without a header. */
export function columnName(index: number, header: readonly string[] | undefined): string {
  const name = header?.[index]?.trim();
  return name ? name : `column${index + 1}`;
}
