/**
 * Axes for relations between two objects (shape + colour each). Paraphrases are left out: for a
 * symmetric relation ("next to") or one of an inverse pair ("above"/"below"), each unordered pair
 * of objects appears in one order only, so "a red circle above a blue square" is in the space but
 * "a blue square below a red circle" is not. Which object is named first alternates by the parity
 * of the pair, so no shape is always the subject.
 */
import type { Axis } from './template.js';

const FIELDS = ['shape', 'colour', 'referenceShape', 'referenceColour'] as const;

function objects(
  shapes: readonly string[],
  colours: readonly string[],
): ReadonlyArray<readonly [string, string]> {
  return shapes.flatMap((shape) => colours.map((colour) => [shape, colour] as const));
}

/** Every ordered pair of objects with different colours (for relations that are not symmetric). */
export function orderedObjectPairs(shapes: readonly string[], colours: readonly string[]): Axis {
  const all = objects(shapes, colours);
  const values: (readonly string[])[] = [];
  for (const [s1, c1] of all) for (const [s2, c2] of all) if (c1 !== c2) values.push([s1, c1, s2, c2]);
  return { fields: FIELDS, values };
}

/** One order per unordered pair of objects with different colours (paraphrase-free). */
export function canonicalObjectPairs(shapes: readonly string[], colours: readonly string[]): Axis {
  const all = objects(shapes, colours);
  const values: (readonly string[])[] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      if (a[1] === b[1]) continue;
      const [first, second] = (i + j) % 2 === 0 ? [a, b] : [b, a];
      values.push([first[0], first[1], second[0], second[1]]);
    }
  }
  return { fields: FIELDS, values };
}

/** Every pair of objects with different colours, the first inside the second (a container). */
export function containedObjectPairs(
  shapes: readonly string[],
  containers: readonly string[],
  colours: readonly string[],
): Axis {
  const values: (readonly string[])[] = [];
  for (const [s1, c1] of objects(shapes, colours)) {
    for (const [s2, c2] of objects(containers, colours)) if (c1 !== c2) values.push([s1, c1, s2, c2]);
  }
  return { fields: FIELDS, values };
}
