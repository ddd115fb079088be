import { beforeAll, describe, expect, it } from 'vitest';
import {
  contentHash,
  openSpace,
  SHAPE_CATEGORIES,
  STANDARD_SPLIT_SEED,
  testSplit,
  type ShapeCategory,
  type ShapeItem,
} from '../../../../main/datasets/shapes/index.js';

/** Field → value → count, for one category. */
type Counts = Map<string, Map<string, number>>;

function fieldsOf(item: ShapeItem): ReadonlyArray<readonly [string, string]> {
  const shapes: [string, string][] = [['shape', item.shapes[0] ?? '']];
  if (item.shapes[1] !== undefined) shapes.push(['referenceShape', item.shapes[1]]);
  return [...shapes, ...(Object.entries(item.attributes) as [string, string][])];
}

/** Every value each field takes in a category of the space, with a zero count. */
function spaceValues(category: ShapeCategory): Counts {
  const counts: Counts = new Map();
  for (const segment of openSpace().segments.filter((s) => s.category === category)) {
    for (const axis of segment.axes) {
      axis.fields.forEach((field, f) => {
        const values = counts.get(field) ?? counts.set(field, new Map()).get(field)!;
        for (const tuple of axis.values) values.set(tuple[f]!, 0);
      });
    }
  }
  return counts;
}

let split: ShapeItem[] = [];
beforeAll(() => {
  split = testSplit();
});

describe('the standard test split', () => {
  it('has 1,500 distinct items, 300 from each of the five categories', () => {
    expect(split).toHaveLength(1500);
    expect(new Set(split.map((item) => item.key)).size).toBe(1500);
    for (const category of SHAPE_CATEGORIES) {
      expect(split.filter((item) => item.category === category).length, category).toBe(300);
    }
  });

  it('represents every value of every attribute and shape each category uses', () => {
    const missing: string[] = [];
    for (const category of SHAPE_CATEGORIES) {
      const counts = spaceValues(category);
      for (const item of split.filter((candidate) => candidate.category === category)) {
        for (const [field, value] of fieldsOf(item))
          counts.get(field)?.set(value, (counts.get(field)?.get(value) ?? 0) + 1);
      }
      for (const [field, values] of counts) {
        for (const [value, count] of values) if (count === 0) missing.push(`${category} ${field}=${value}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('balances colours within each category to within one item', () => {
    for (const category of SHAPE_CATEGORIES) {
      const counts = new Map<string, number>();
      for (const item of split.filter((candidate) => candidate.category === category)) {
        const colour = item.attributes.colour;
        if (colour !== undefined) counts.set(colour, (counts.get(colour) ?? 0) + 1);
      }
      expect(Math.max(...counts.values()) - Math.min(...counts.values()), category).toBeLessThanOrEqual(1);
    }
  });

  it('is the same on every call and is mixed across categories', () => {
    expect(contentHash(testSplit({ seed: STANDARD_SPLIT_SEED }))).toBe(contentHash(split));
    const firstCategories = new Set(split.slice(0, 20).map((item) => item.category));
    expect(firstCategories.size).toBeGreaterThan(2);
  });

  it('is pinned: the standard split never changes without a new generator version', () => {
    expect(contentHash(split)).toBe(STANDARD_SPLIT_HASH);
  });
});

describe('fresh splits', () => {
  it('differ with the seed but keep the stratification', () => {
    const fresh = testSplit({ seed: 7 });
    expect(contentHash(fresh)).not.toBe(contentHash(split));
    for (const category of SHAPE_CATEGORIES)
      expect(fresh.filter((i) => i.category === category).length).toBe(300);
  });

  it('follow a filter and a size, with remainders going to the earlier categories', () => {
    const small = testSplit({ seed: 1, size: 101, filter: { categories: ['line', 'composition'] } });
    expect(small.filter((item) => item.category === 'line')).toHaveLength(51);
    expect(small.filter((item) => item.category === 'composition')).toHaveLength(50);
  });

  it('give a small category all it has and spread the rest over the others', () => {
    const filter = { attributes: { colour: ['red'], position: ['centre'] } };
    const sizeOf = (category: ShapeCategory) => openSpace({ ...filter, categories: [category] }).size;
    const fresh = testSplit({ seed: 2, size: 300, filter });
    const count = (category: ShapeCategory) => fresh.filter((item) => item.category === category).length;
    expect(sizeOf('point')).toBeLessThan(75); // smaller than an equal share of 300 over four categories
    expect(count('point')).toBe(sizeOf('point'));
    expect(count('shape-3d')).toBe(sizeOf('shape-3d'));
    expect(fresh).toHaveLength(300);
    expect(new Set(fresh.map((item) => item.key)).size).toBe(300);
    expect(() => testSplit({ size: openSpace(filter).size + 1, filter })).toThrow(/exceeds/);
  });
});

/** The content hash of `testSplit()` for generator version 1.0.0. */
const STANDARD_SPLIT_HASH = 'sha256:24b7f08281d96dc95f4f507eabea23758616fcd1c74a9c4d2232d16e0c116fe7';
