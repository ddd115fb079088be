/** Axes for groups: which counts suit each arrangement. */
import type { Axis } from './template.js';

function range(from: number, to: number): readonly number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Counts that make sense for each arrangement: a grid needs a rectangle of members (2×2, 2×3,
 * 3×3), a triangle a triangular number, a circle at least three; piles and nests stay small.
 */
export const ARRANGEMENT_COUNTS: Readonly<Record<string, readonly number[]>> = {
  row: range(2, 9),
  column: range(2, 9),
  grid: [4, 6, 9],
  circle: range(3, 9),
  diagonal: range(2, 6),
  triangle: [3, 6],
  scattered: range(2, 9),
  stacked: range(2, 5),
  overlapping: range(2, 5),
  nested: range(2, 5),
};

/** The (count, arrangement) pairs valid for the listed arrangements, arrangement slowest. */
export function groupAxis(arrangements: readonly string[]): Axis {
  const values: (readonly string[])[] = [];
  for (const arrangement of arrangements) {
    const counts = ARRANGEMENT_COUNTS[arrangement];
    if (!counts) throw new RangeError(`unknown arrangement '${arrangement}'`);
    for (const n of counts) values.push([String(n), arrangement]);
  }
  return { fields: ['count', 'arrangement'], values };
}

/** A count axis on its own (groups without an arrangement word, e.g. parallel lines, nests). */
export function countAxis(from: number, to: number): Axis {
  return { fields: ['count'], values: range(from, to).map((n) => [String(n)]) };
}
