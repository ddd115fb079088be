/**
 * The enumerable, indexable space of valid items: the templates' products laid end to end. Item
 * `i` is found by locating its template and reading `i` as a mixed-radix number over the axes
 * (first axis slowest), so counting, random access and filtering never materialise the space.
 */
import { descriptionPlan, type DescriptionPlan } from './describe.js';
import { checkFilter, restrictTemplate } from './filter.js';
import { compareCodeUnits } from './order.js';
import { TEMPLATES } from './templates/index.js';
import type { Axis, Template } from './templates/template.js';
import type { AttributeKey, FieldName, ShapeCategory, ShapeFilter, ShapeItem, ShapeRecord } from './types.js';

/** One template's share of a space. */
export interface SpaceSegment {
  readonly template: Template;
  readonly category: ShapeCategory;
  /** The template's axes after filtering. */
  readonly axes: readonly Axis[];
  readonly size: number;
  /** Index of the segment's first item in the space. */
  readonly offset: number;
}

/** A (possibly filtered) space: its size, its segments, and random access to its items. */
export interface ShapeSpace {
  readonly size: number;
  readonly segments: readonly SpaceSegment[];
  /** The item at `index` in enumeration order (0 ≤ index < size). */
  itemAt(index: number): ShapeItem;
}

/** Where a field's value sits in a segment: axis index, then position in the axis tuple. */
type Source = readonly [number, number];

/** Everything needed to turn a segment-local index into an item, worked out once per segment. */
interface Decoder {
  readonly shapeSources: readonly Source[];
  /** Attribute names in code-unit order, with their sources and their `name=` key prefixes. */
  readonly names: readonly AttributeKey[];
  readonly sources: readonly Source[];
  readonly keyParts: readonly string[];
  readonly plan: DescriptionPlan;
}

function decoderFor(axes: readonly Axis[]): Decoder {
  const shapes: [FieldName, Source][] = [];
  const attributes: [AttributeKey, Source][] = [];
  axes.forEach((axis, a) =>
    axis.fields.forEach((field, f) => {
      if (field === 'shape' || field === 'referenceShape') shapes.push([field, [a, f]]);
      else attributes.push([field, [a, f]]);
    }),
  );
  shapes.sort((x, y) => (x[0] === 'shape' ? -1 : y[0] === 'shape' ? 1 : 0));
  attributes.sort((x, y) => compareCodeUnits(x[0], y[0]));
  const names = attributes.map(([name]) => name);
  return {
    shapeSources: shapes.map(([, source]) => source),
    names,
    sources: attributes.map(([, source]) => source),
    keyParts: names.map((name, i) => `${i === 0 ? '' : ','}${name}=`),
    plan: descriptionPlan(names),
  };
}

/** Decodes a segment-local index into its item. */
function itemIn(segment: SpaceSegment, decoder: Decoder, local: number): ShapeItem {
  const { axes } = segment;
  const tuples: (readonly string[])[] = new Array<readonly string[]>(axes.length);
  for (let a = axes.length - 1; a >= 0; a--) {
    const values = axes[a]!.values;
    const digit = local % values.length;
    tuples[a] = values[digit]!;
    local = (local - digit) / values.length;
  }
  const shapes = decoder.shapeSources.map(([a, f]) => tuples[a]![f]!);
  const attributes: Partial<Record<AttributeKey, string>> = {};
  // Joined, not concatenated: a flat string costs far less memory than a rope of pieces.
  const keyParts = [segment.category, '/', shapes.join('+'), '/'];
  for (let i = 0; i < decoder.names.length; i++) {
    const [a, f] = decoder.sources[i]!;
    const value = tuples[a]![f]!;
    attributes[decoder.names[i]!] = value;
    keyParts.push(decoder.keyParts[i]!, value);
  }
  const record: ShapeRecord = { category: segment.category, shapes, attributes };
  // Spelled out: an object spread here cost five times the rest of item building (V8 slow path).
  return {
    category: segment.category,
    shapes,
    attributes,
    key: keyParts.join(''),
    description: decoder.plan(record),
  };
}

function buildSpace(templates: readonly Template[], filter: ShapeFilter): ShapeSpace {
  const segments: SpaceSegment[] = [];
  let offset = 0;
  for (const template of templates) {
    const axes = restrictTemplate(template, filter);
    if (!axes) continue;
    const size = axes.reduce((product, axis) => product * axis.values.length, 1);
    segments.push({ template, category: template.category, axes, size, offset });
    offset += size;
  }
  const decoders = segments.map((segment) => decoderFor(segment.axes));
  const starts = segments.map((segment) => segment.offset);
  const itemAt = (index: number): ShapeItem => {
    if (!Number.isInteger(index) || index < 0 || index >= offset)
      throw new RangeError(`index ${index} out of range`);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return itemIn(segments[lo]!, decoders[lo]!, index - starts[lo]!);
  };
  return { size: offset, segments, itemAt };
}

let fullSpace: ShapeSpace | undefined;

/** The space `filter` selects (the full space when absent); throws RangeError on an invalid filter. */
export function openSpace(filter?: ShapeFilter): ShapeSpace {
  if (!filter) return (fullSpace ??= buildSpace(TEMPLATES, {}));
  const problems = checkFilter(filter);
  if (problems.length > 0) throw new RangeError(`invalid shapes filter: ${problems.join('; ')}`);
  return buildSpace(TEMPLATES, filter);
}

/** How many items the (filtered) space holds. */
export function countSpace(filter?: ShapeFilter): number {
  return openSpace(filter).size;
}

/** The item at `index` of the (filtered) space, in enumeration order. */
export function itemAt(index: number, filter?: ShapeFilter): ShapeItem {
  return openSpace(filter).itemAt(index);
}

/** Every item of the (filtered) space, in enumeration order, one at a time. */
export function* enumerateSpace(filter?: ShapeFilter): Generator<ShapeItem> {
  const space = openSpace(filter);
  for (let i = 0; i < space.size; i++) yield space.itemAt(i);
}
