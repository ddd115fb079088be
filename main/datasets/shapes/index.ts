/**
 * The shapes-and-compositions concept generator: a seeded, enumerable space of at least 400,000
 * distinct English descriptions of points, lines, 2D and 3D shapes and their compositions.
 * See README.md in this folder for the attributes, the grammar and how the space is counted.
 */
export {
  ATTRIBUTES,
  ATTRIBUTE_NAMES,
  attributeDefinition,
  type AttributeName,
} from './vocabulary/attributes.js';
export type { AttributeDefinition, AttributeValue } from './vocabulary/definition.js';
export {
  POINT_SHAPES,
  LINE_SHAPES,
  SHAPES_2D,
  SHAPES_3D,
  shapeNoun,
  type ShapeNoun,
} from './vocabulary/shapes.js';
export { TEMPLATES } from './templates/index.js';
export type { Axis, Template } from './templates/template.js';
export { describe } from './describe.js';
export { indefiniteArticle, pluralize, numberWord } from './english.js';
export { checkFilter } from './filter.js';
export { itemKey, toItem } from './item.js';
export {
  openSpace,
  countSpace,
  itemAt,
  enumerateSpace,
  type ShapeSpace,
  type SpaceSegment,
} from './space.js';
export { sampleItems, streamSample, type SampleOptions } from './sample.js';
export { testSplit, STANDARD_SPLIT_SEED, STANDARD_SPLIT_SIZE, type SplitOptions } from './split.js';
export {
  contentHash,
  createContentHasher,
  canonicalItemLine,
  CONTENT_HASH_FORMAT,
  type ContentHasher,
} from './hash.js';
export { createRng, type Rng } from './rng.js';
export { seededPermutation, type Permutation } from './permutation.js';
export { SHAPES_GENERATOR_VERSION } from './version.js';
export { toConceptItem } from './concept.js';
export * from './types.js';
