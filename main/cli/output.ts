/** Printing results: JSON for scripts (`--json`), aligned tables for people. */

/** Prints a value as pretty JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints rows under a header, columns padded to their widest cell; the last column is not padded. */
export function printTable(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): void {
  process.stdout.write(formatTable(header, rows));
}

/** The text of {@link printTable}. */
export function formatTable(
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
): string {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: ReadonlyArray<string>): string =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].map((text) => `${text}\n`).join('');
}

/** An ISO timestamp as `YYYY-MM-DD HH:MM` (local time), or `-`. */
export function formatTime(iso: string | null): string {
  if (!iso) return '-';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** A byte count as `1.2 MB` (shared with the UI). */
export { formatBytes } from '../../shared/format.js';
