/** The 32 attributes of the shapes generator, in one registry with id lookups for the grammar. */
import type { AttributeDefinition, AttributeValue } from './definition.js';
import * as layout from './attributes-layout.js';
import * as lines from './attributes-lines.js';
import * as solids from './attributes-solids.js';
import * as surface from './attributes-surface.js';

/** All 32 attributes, grouped: surface (12), layout (7), lines (8), solids (5). */
export const ATTRIBUTES = [
  surface.colour,
  surface.fill,
  surface.transparency,
  surface.size,
  surface.aspect,
  surface.regularity,
  surface.corners,
  surface.rotation,
  surface.pointing,
  surface.drawingStyle,
  surface.outlineColour,
  surface.background,
  layout.position,
  layout.count,
  layout.arrangement,
  layout.spacing,
  layout.sizeProgression,
  layout.relation,
  layout.label,
  lines.lineStyle,
  lines.lineWeight,
  lines.linePath,
  lines.lineOrientation,
  lines.lineLength,
  lines.lineStart,
  lines.lineEnd,
  lines.arrowhead,
  solids.view,
  solids.finish,
  solids.material,
  solids.lighting,
  solids.shadow,
] as const;

/** The name of one of the 32 attributes. */
export type AttributeName = (typeof ATTRIBUTES)[number]['name'];

/** The names of all attributes, in registry order. */
export const ATTRIBUTE_NAMES: readonly AttributeName[] = ATTRIBUTES.map((a) => a.name);

const byName = new Map<string, AttributeDefinition>(ATTRIBUTES.map((a) => [a.name, a]));
const valueIndex = new Map<string, Map<string, AttributeValue>>(
  ATTRIBUTES.map((a) => [a.name, new Map(a.values.map((v) => [v.id, v]))]),
);

/** The definition of an attribute, or undefined for an unknown name. */
export function attributeDefinition(name: string): AttributeDefinition | undefined {
  return byName.get(vocabularyOf(name));
}

/** The attribute whose vocabulary a key uses (`referenceColour` uses `colour`'s). */
export function vocabularyOf(key: string): string {
  return key === 'referenceColour' ? 'colour' : key;
}

/** The value with `id` of attribute `key`; throws on an unknown key or id (a record is corrupt). */
export function attributeValue(key: string, id: string): AttributeValue {
  const value = valueIndex.get(vocabularyOf(key))?.get(id);
  if (!value) throw new RangeError(`unknown value '${id}' for attribute '${key}'`);
  return value;
}

/** The values of attribute `key` by id (throws on an unknown key). */
export function attributeValues(key: string): ReadonlyMap<string, AttributeValue> {
  const values = valueIndex.get(vocabularyOf(key));
  if (!values) throw new RangeError(`unknown attribute '${key}'`);
  return values;
}

/** Whether `id` is a value of attribute `key`. */
export function isAttributeValue(key: string, id: string): boolean {
  return valueIndex.get(vocabularyOf(key))?.has(id) ?? false;
}

/** The value ids of an attribute (throws on an unknown name). */
export function valueIds(name: AttributeName): readonly string[] {
  const definition = byName.get(name);
  if (!definition) throw new RangeError(`unknown attribute '${name}'`);
  return definition.values.map((v) => v.id);
}
