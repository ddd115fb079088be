/**
 * Templates: each one is a Cartesian product of axes, so the space it spans can be counted,
 * indexed and filtered without being materialised. An axis sets one field, or several together
 * when their values constrain each other (a colour and a background that must differ).
 */
import type { AttributeName } from '../vocabulary/attributes.js';
import { valueIds } from '../vocabulary/attributes.js';
import type { FieldName, ShapeCategory } from '../types.js';

/** One factor of a template: the fields it sets and the allowed value tuples, aligned with `fields`. */
export interface Axis {
  readonly fields: readonly FieldName[];
  readonly values: ReadonlyArray<readonly string[]>;
}

/** A family of items: one category and the product of its axes. */
export interface Template {
  /** Stable id, e.g. `shape-2d/appearance` (documentation, split allocation). */
  readonly id: string;
  readonly category: ShapeCategory;
  readonly axes: readonly Axis[];
}

/** An axis over an attribute's whole vocabulary, or over the listed ids (checked against it). */
export function attributeAxis(name: AttributeName, only?: readonly string[]): Axis {
  const all = valueIds(name);
  const chosen = only ?? all;
  for (const id of chosen) if (!all.includes(id)) throw new RangeError(`'${id}' is not a value of ${name}`);
  return { fields: [name], values: chosen.map((id) => [id]) };
}

/** An axis over shape ids, for the main shape (or for `referenceShape`). */
export function shapeAxis(ids: readonly string[], field: 'shape' | 'referenceShape' = 'shape'): Axis {
  return { fields: [field], values: ids.map((id) => [id]) };
}

/** An axis over the pairs of two value lists that `keep` accepts, in nested order (first slowest). */
export function pairAxis(
  fields: readonly [FieldName, FieldName],
  first: readonly string[],
  second: readonly string[],
  keep: (a: string, b: string) => boolean,
): Axis {
  const values: (readonly string[])[] = [];
  for (const a of first) for (const b of second) if (keep(a, b)) values.push([a, b]);
  return { fields, values };
}

/** The number of items a template spans. */
export function templateSize(template: Template): number {
  return template.axes.reduce((product, axis) => product * axis.values.length, 1);
}
