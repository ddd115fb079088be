/**
 * Merges object rows that name the same object and ranks the result: the pure core of the ADE20K
 * importer, independent of the file format.
 *
 * Rule: rows are visited by count, highest first (file order breaks ties). A row always joins an
 * earlier group with the same display name (case-insensitive). With `bySynonyms`, it also joins a
 * group when its display name is one of that group's synonyms, or one of its synonyms is that
 * group's display name: e.g. "individual" joins "person;individual;someone". Two guards keep
 * distinct objects apart: synonym-to-synonym matches never merge, and a name listed as a synonym
 * under two or more different display names is ambiguous and never merges (ADE20K lists "screen"
 * under "screen door", "blind" and "screen;silver screen", which are different objects).
 */
import { dedupKey, normaliseConceptText } from '../concept-item.js';

/** One row of an object table: names (display name first, then synonyms) and a count. */
export interface ObjectRow {
  readonly names: readonly string[];
  readonly count: number;
  readonly line: number;
  /** Numeric columns of the row kept as attributes (summed when rows merge), e.g. `{ train: 11664 }`. */
  readonly extra?: Readonly<Record<string, number>>;
}

/** One object after merging: its display name, synonyms, summed count and where it came from. */
export interface ObjectGroup {
  readonly name: string;
  readonly synonyms: string[];
  count: number;
  /** How many rows were merged into this one. */
  merged: number;
  readonly firstLine: number;
  readonly extra: Record<string, number>;
}

/**
 * Splits an object name cell into its names: `;` and `,` separate synonyms; empties go, and so do
 * repeats unless `dropRepeats` is false (the objectInfo150 repair needs every token in place).
 */
export function splitSynonyms(cell: string, dropRepeats = true): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const part of cell.split(/[;,]/)) {
    const name = normaliseConceptText(part);
    if (name === '' || (dropRepeats && seen.has(dedupKey(name)))) continue;
    seen.add(dedupKey(name));
    names.push(name);
  }
  return names;
}

/** Names listed as a synonym under two or more different display names. */
function ambiguousSynonyms(rows: readonly ObjectRow[]): Set<string> {
  const displays = new Map<string, Set<string>>();
  for (const [display, ...synonyms] of rows.map((row) => row.names.map(dedupKey))) {
    for (const synonym of synonyms) {
      const set = displays.get(synonym) ?? new Set<string>();
      set.add(display as string);
      displays.set(synonym, set);
    }
  }
  return new Set([...displays].filter(([, set]) => set.size > 1).map(([name]) => name));
}

/** Merges `rows` by the rule above; returns the groups ranked by count (ties: earliest row first). */
export function mergeObjectRows(rows: readonly ObjectRow[], bySynonyms: boolean): ObjectGroup[] {
  const ambiguous = ambiguousSynonyms(rows);
  const usable = (key: string): boolean => bySynonyms && !ambiguous.has(key);
  const ordered = rows
    .map((row, order) => ({ row, order }))
    .sort((a, b) => b.row.count - a.row.count || a.order - b.order);
  const byDisplay = new Map<string, ObjectGroup>();
  const bySynonym = new Map<string, ObjectGroup>();
  const groups: Array<{ group: ObjectGroup; order: number }> = [];
  for (const { row, order } of ordered) {
    const [display, ...synonyms] = row.names;
    if (display === undefined) continue;
    const key = dedupKey(display);
    const target =
      byDisplay.get(key) ??
      (usable(key) ? bySynonym.get(key) : undefined) ??
      synonyms
        .filter((s) => usable(dedupKey(s)))
        .map((s) => byDisplay.get(dedupKey(s)))
        .find((g) => g !== undefined);
    if (target) {
      target.count += row.count;
      target.merged += 1;
      for (const [name, value] of Object.entries(row.extra ?? {}))
        target.extra[name] = (target.extra[name] ?? 0) + value;
      addSynonyms(target, row.names, bySynonym);
      continue;
    }
    const group: ObjectGroup = {
      name: display,
      synonyms: [],
      count: row.count,
      merged: 0,
      firstLine: row.line,
      extra: { ...row.extra },
    };
    byDisplay.set(key, group);
    addSynonyms(group, synonyms, bySynonym);
    groups.push({ group, order });
  }
  return groups.sort((a, b) => b.group.count - a.group.count || a.order - b.order).map(({ group }) => group);
}

/** Adds `names` (other than the display name and known synonyms) as synonyms of `group`. */
function addSynonyms(
  group: ObjectGroup,
  names: readonly string[],
  bySynonym: Map<string, ObjectGroup>,
): void {
  const known = new Set([dedupKey(group.name), ...group.synonyms.map(dedupKey)]);
  for (const name of names) {
    const key = dedupKey(name);
    if (known.has(key)) continue;
    known.add(key);
    group.synonyms.push(name);
    if (!bySynonym.has(key)) bySynonym.set(key, group);
  }
}
