import { describe, expect, it } from 'vitest';
import {
  canonicalItemLine,
  contentHash,
  countSpace,
  createContentHasher,
  sampleItems,
  streamSample,
  toConceptItem,
  type ShapeItem,
} from '../../../../main/datasets/shapes/index.js';

describe('seeded samples', () => {
  it('are identical for the same seed and settings, down to the content hash', () => {
    const a = sampleItems({ seed: 1234, size: 2000 });
    const b = sampleItems({ seed: 1234, size: 2000 });
    expect(b).toEqual(a);
    expect(contentHash(b)).toBe(contentHash(a));
  });

  it('differ for a different seed', () => {
    const a = sampleItems({ seed: 1234, size: 2000 });
    const b = sampleItems({ seed: 1235, size: 2000 });
    expect(contentHash(b)).not.toBe(contentHash(a));
    const overlap = new Set(a.map((item) => item.key));
    // Two 2,000-item draws from ~750,000 share a handful of items at most.
    expect(b.filter((item) => overlap.has(item.key)).length).toBeLessThan(40);
  });

  it('never repeat an item', () => {
    const items = sampleItems({ seed: 5, size: 20_000 });
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
  });

  it('are prefixes of each other: a larger sample extends a smaller one with the same seed', () => {
    const small = sampleItems({ seed: 77, size: 100 });
    const large = sampleItems({ seed: 77, size: 300 });
    expect(large.slice(0, 100)).toEqual(small);
  });

  it('draw only from the filtered sub-space, and can take all of it', () => {
    const filter = { categories: ['shape-3d' as const], attributes: { material: ['glass'] } };
    const all = sampleItems({ seed: 3, filter });
    expect(all.length).toBe(countSpace(filter));
    expect(all.every((item) => item.category === 'shape-3d' && item.attributes.material === 'glass')).toBe(
      true,
    );
    expect(new Set(all.map((item) => item.key)).size).toBe(all.length);
  });

  it('refuse sizes they cannot honour and bad seeds', () => {
    const filter = { shapes: ['torus'], referenceShapes: ['cube'] };
    expect(() => sampleItems({ seed: 1, size: countSpace(filter) + 1, filter })).toThrow(/exceeds/);
    expect(() => sampleItems({ seed: 1, size: -1 })).toThrow(RangeError);
    expect(() => sampleItems({ seed: -1, size: 1 })).toThrow(RangeError);
    expect(() => sampleItems({ seed: 1, size: 1, filter: { shapes: ['blob'] } })).toThrow(/unknown shape/);
  });

  it('stream lazily: taking the first items does not build the rest', () => {
    const stream = streamSample({ seed: 9 });
    const first = stream.next().value as ShapeItem;
    expect(first).toEqual(sampleItems({ seed: 9, size: 1 })[0]);
    stream.return(undefined);
  });
});

describe('content hash', () => {
  const items = sampleItems({ seed: 8, size: 50 });

  it('depends on the order and content of the items', () => {
    expect(contentHash([...items].reverse())).not.toBe(contentHash(items));
    expect(contentHash(items.slice(1))).not.toBe(contentHash(items));
    const changed = { ...items[0]!, description: `${items[0]!.description} ` };
    expect(contentHash([changed, ...items.slice(1)])).not.toBe(contentHash(items));
  });

  it('does not depend on the key order of the attributes object', () => {
    const first = items[0]!;
    const reordered = {
      ...first,
      attributes: Object.fromEntries(Object.entries(first.attributes).reverse()),
    };
    expect(canonicalItemLine(reordered)).toBe(canonicalItemLine(first));
  });

  it('is the same streamed or at once, and looks like sha256:<64 hex>', () => {
    const hasher = createContentHasher();
    for (const item of items) hasher.add(item);
    const streamed = hasher.digest();
    expect(streamed).toBe(contentHash(items));
    expect(streamed).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('concept items', () => {
  it('carry the description as text and every field as a flat attribute', () => {
    const [item] = sampleItems({ seed: 1, size: 1, filter: { attributes: { relation: ['inside'] } } });
    const concept = toConceptItem(item!);
    expect(concept).toMatchObject({ key: item!.key, text: item!.description, category: 'shapes' });
    expect(concept.attributes).toMatchObject({
      shapeCategory: 'composition',
      shape: item!.shapes[0],
      referenceShape: item!.shapes[1],
      relation: 'inside',
    });
  });
});
