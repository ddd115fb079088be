/** Items: the stable key of a record, and a record completed with its key and description. */
import { describe } from './describe.js';
import { compareCodeUnits } from './order.js';
import type { ShapeItem, ShapeRecord } from './types.js';

/**
 * The stable key of a record: `category/shape[+reference]/name=value,...` with attribute names in
 * code-unit order, e.g. `shape-2d/circle/colour=red,position=top-left,size=small`. It depends only on
 * the record, so the same item has the same key in every set, seed and generator version.
 */
export function itemKey(record: ShapeRecord): string {
  const names = Object.keys(record.attributes).sort(compareCodeUnits) as (keyof ShapeRecord['attributes'])[];
  const pairs = names.map((name) => `${name}=${record.attributes[name] ?? ''}`);
  return `${record.category}/${record.shapes.join('+')}/${pairs.join(',')}`;
}

/** A record completed with its key and description (attribute keys re-ordered by code unit). */
export function toItem(record: ShapeRecord): ShapeItem {
  const names = Object.keys(record.attributes).sort(compareCodeUnits) as (keyof ShapeRecord['attributes'])[];
  const attributes = Object.fromEntries(names.map((name) => [name, record.attributes[name]]));
  const sorted: ShapeRecord = { category: record.category, shapes: [...record.shapes], attributes };
  return {
    category: sorted.category,
    shapes: sorted.shapes,
    attributes,
    key: itemKey(sorted),
    description: describe(sorted),
  };
}
