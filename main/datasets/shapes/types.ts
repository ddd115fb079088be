/**
 * Types of the shapes-and-compositions concept generator: categories, the structured item record,
 * and the filter that carves a sub-space out of the full space.
 */
import type { AttributeName } from './vocabulary/attributes.js';

/** The five concept categories, from the simplest primitive to compositions of several shapes. */
export type ShapeCategory = 'point' | 'line' | 'shape-2d' | 'shape-3d' | 'composition';

/** Every category in its canonical order (used for stratification and reports). */
export const SHAPE_CATEGORIES: readonly ShapeCategory[] = [
  'point',
  'line',
  'shape-2d',
  'shape-3d',
  'composition',
];

/**
 * An attribute key of an item: one of the 32 attributes, or `referenceColour`, the colour of the
 * second (reference) shape of a relation, which uses the vocabulary of `colour`.
 */
export type AttributeKey = AttributeName | 'referenceColour';

/** A field that a template axis sets: the main shape, the reference shape, or an attribute. */
export type FieldName = 'shape' | 'referenceShape' | AttributeKey;

/** The attributes an item uses, by key, as vocabulary ids (e.g. `{ colour: 'red', size: 'small' }`). */
export type AttributeRecord = Readonly<Partial<Record<AttributeKey, string>>>;

/** The structured part of an item: what the description is generated from. */
export interface ShapeRecord {
  readonly category: ShapeCategory;
  /** Shape ids: the main shape, then the reference shape of a relation (e.g. `['star', 'hexagon']`). */
  readonly shapes: readonly string[];
  /** Only the attributes this item uses, with their keys in code-unit order. */
  readonly attributes: AttributeRecord;
}

/** One generated concept: its record, its English description and its stable key. */
export interface ShapeItem extends ShapeRecord {
  /** Stable key derived from category, shapes and attribute values (same item → same key, always). */
  readonly key: string;
  /** The natural-English description, e.g. "three green triangles in a row". */
  readonly description: string;
}

/**
 * Carves a sub-space: an item passes when its category is listed, its main shape is listed, its
 * reference shape is listed, and for every attribute named it has that attribute with one of the
 * values (values OR-ed within an attribute, attributes AND-ed). An absent list means "any"; an empty list matches nothing.
 */
export interface ShapeFilter {
  readonly categories?: readonly ShapeCategory[];
  readonly shapes?: readonly string[];
  readonly referenceShapes?: readonly string[];
  readonly attributes?: Readonly<Partial<Record<AttributeKey, readonly string[]>>>;
}
