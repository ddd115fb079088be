import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkFilter,
  countSpace,
  enumerateSpace,
  itemAt,
  openSpace,
  SHAPE_CATEGORIES,
  type ShapeFilter,
  type ShapeItem,
} from '../../../../main/datasets/shapes/index.js';

/** The filter semantics written out plainly, to check the product-based implementation against. */
function passes(item: ShapeItem, filter: ShapeFilter): boolean {
  if (filter.categories && !filter.categories.includes(item.category)) return false;
  if (filter.shapes && !filter.shapes.includes(item.shapes[0] ?? '')) return false;
  if (filter.referenceShapes && !filter.referenceShapes.includes(item.shapes[1] ?? '')) return false;
  return Object.entries(filter.attributes ?? {}).every(([key, ids]) => {
    const value = item.attributes[key as keyof ShapeItem['attributes']];
    return value !== undefined && (ids ?? []).includes(value);
  });
}

const FILTERS: readonly ShapeFilter[] = [
  { categories: ['point'] },
  { categories: ['shape-2d', 'composition'], attributes: { colour: ['red', 'blue'] } },
  { shapes: ['star'], referenceShapes: ['hexagon'], attributes: { relation: ['inside'] } },
  { attributes: { view: ['isometric'], size: ['small'] } },
  { categories: ['line'], attributes: { lineStart: ['top-left'], arrowhead: ['open'] } },
];
const PROBES = [0, 1, 12_345, 400_000];

/**
 * One streamed pass over the whole space collects what the tests check; holding every item at
 * once would cost hundreds of megabytes.
 */
const seen = {
  count: 0,
  descriptions: new Set<string>(),
  keys: new Set<string>(),
  categories: new Set<string>(),
  attributeNames: new Set<string>(),
  unsortedKeys: [] as string[],
  keyOf: new Map<string, string>(),
  probes: new Map<number, ShapeItem>(),
  last: undefined as ShapeItem | undefined,
  matches: FILTERS.map(() => [] as string[]),
};

beforeAll(() => {
  for (const item of enumerateSpace()) {
    if (PROBES.includes(seen.count)) seen.probes.set(seen.count, item);
    seen.count += 1;
    seen.descriptions.add(item.description);
    seen.keys.add(item.key);
    seen.categories.add(item.category);
    const names = Object.keys(item.attributes);
    for (const name of names) seen.attributeNames.add(name);
    if (names.some((name, i) => i > 0 && names[i - 1]! >= name)) seen.unsortedKeys.push(item.key);
    if (item.description === 'a small red circle in the top-left corner')
      seen.keyOf.set(item.description, item.key);
    FILTERS.forEach((filter, f) => passes(item, filter) && seen.matches[f]!.push(item.key));
    seen.last = item;
  }
});

describe('the full space', () => {
  it('holds at least 400,000 distinct descriptions, one per item', () => {
    expect(seen.count).toBe(countSpace());
    expect(seen.descriptions.size).toBeGreaterThanOrEqual(400_000);
    expect(seen.descriptions.size).toBe(seen.count);
  });

  it('is generated in well under 10 s of CPU time', () => {
    // CPU time, not wall time: the suite shares two cores with other work.
    const before = process.cpuUsage();
    let characters = 0;
    for (const item of enumerateSpace()) characters += item.description.length + item.key.length;
    const used = process.cpuUsage(before);
    expect(characters).toBeGreaterThan(0);
    expect((used.user + used.system) / 1000).toBeLessThan(10_000);
  });

  it('gives every item a distinct key built from its category, shapes and attributes', () => {
    expect(seen.keys.size).toBe(seen.count);
    expect(seen.keyOf.get('a small red circle in the top-left corner')).toBe(
      'shape-2d/circle/colour=red,position=top-left,size=small',
    );
  });

  it('covers every category and every one of the 32 attributes', () => {
    expect(seen.categories).toEqual(new Set(SHAPE_CATEGORIES));
    const names = new Set(seen.attributeNames);
    names.delete('referenceColour');
    expect(names.size).toBe(32);
  });

  it('stores attribute keys in code-unit order', () => {
    expect(seen.unsortedKeys).toEqual([]);
  });

  it('gives random access that agrees with enumeration', () => {
    for (const [index, item] of seen.probes) expect(itemAt(index)).toEqual(item);
    expect(itemAt(seen.count - 1)).toEqual(seen.last);
    expect(() => itemAt(seen.count)).toThrow(RangeError);
    expect(() => itemAt(-1)).toThrow(RangeError);
  });
});

describe('filters', () => {
  it('select exactly the items of the full space that pass them, in the same order', () => {
    FILTERS.forEach((filter, f) => {
      const expected = seen.matches[f]!;
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect([...enumerateSpace(filter)].map((item) => item.key)).toEqual(expected);
      expect(countSpace(filter)).toBe(expected.length);
    });
  });
  it('select nothing when an attribute list is empty or the combination never occurs', () => {
    expect(countSpace({ attributes: { colour: [] } })).toBe(0);
    expect(countSpace({ categories: ['point'], attributes: { view: ['isometric'] } })).toBe(0);
  });

  it('reject unknown categories, shapes, attributes and values with a precise message', () => {
    const bad = { categories: ['blob'], shapes: ['blob'], attributes: { hue: ['red'], colour: ['mauve'] } };
    expect(checkFilter(bad as unknown as ShapeFilter)).toEqual([
      "unknown category 'blob'",
      "unknown shape 'blob'",
      "unknown attribute 'hue'",
      "unknown value 'mauve' for 'colour'",
    ]);
    expect(() => openSpace(bad as unknown as ShapeFilter)).toThrow(/unknown attribute 'hue'/);
  });
});
