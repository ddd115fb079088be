/** Formatting shared by every face (CLI tables, the UI, reports), so numbers read the same everywhere. */

/** A byte count in SI units, e.g. `1.2 MB` (`512 B` below a kilobyte). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}
