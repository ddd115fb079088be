/** Plain code-unit order (never locale-dependent), so every machine sorts alike. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
