/** The shape nouns of each category, their plurals, and the subsets that attributes apply to. */
import { pluralize } from '../english.js';
import type { ShapeCategory } from '../types.js';

/** A shape noun: the id stored in records and its singular and plural English forms. */
export interface ShapeNoun {
  readonly id: string;
  readonly category: ShapeCategory;
  readonly singular: string;
  readonly plural: string;
}

function nouns(
  category: ShapeCategory,
  ...pairs: ReadonlyArray<string | readonly [string, string]>
): ShapeNoun[] {
  return pairs.map((pair) => {
    const [id, singular] = typeof pair === 'string' ? [pair, pair] : pair;
    return { id, category, singular, plural: pluralize(singular) };
  });
}

/** Point markers. */
export const POINT_SHAPES = nouns('point', 'dot', 'x-mark', ['plus-sign', 'plus sign'], 'asterisk');

/** Line kinds. */
export const LINE_SHAPES = nouns('line', 'line', 'arrow', ['double-headed-arrow', 'double-headed arrow']);

/** Flat shapes ("trapezoid" in the sense of one pair of parallel sides). */
export const SHAPES_2D = nouns(
  'shape-2d',
  ...[
    'circle',
    'ellipse',
    'triangle',
    'square',
    'rectangle',
    'rhombus',
    'trapezoid',
    'parallelogram',
    'kite',
  ],
  ...[
    'pentagon',
    'hexagon',
    'heptagon',
    'octagon',
    'star',
    'heart',
    'crescent',
    'cross',
    'semicircle',
    'ring',
  ],
  ['l-shape', 'L-shape'],
  ['u-shape', 'U-shape'],
);

/** Solids. */
export const SHAPES_3D = nouns(
  'shape-3d',
  ...['cube', 'cuboid', 'sphere', 'hemisphere', 'cylinder', 'cone', 'pyramid'],
  ['triangular-prism', 'triangular prism'],
  ['hexagonal-prism', 'hexagonal prism'],
  ...['torus', 'tetrahedron', 'octahedron', 'dodecahedron', 'icosahedron', 'ellipsoid'],
);

const byId = new Map<string, ShapeNoun>(
  [...POINT_SHAPES, ...LINE_SHAPES, ...SHAPES_2D, ...SHAPES_3D].map((noun) => [noun.id, noun]),
);

/** The noun for a shape id; throws on an unknown id (a record is corrupt). */
export function shapeNoun(id: string): ShapeNoun {
  const noun = byId.get(id);
  if (!noun) throw new RangeError(`unknown shape '${id}'`);
  return noun;
}

/** Whether `id` is a known shape id. */
export function isShapeId(id: string): boolean {
  return byId.has(id);
}

/** Ids of a list of nouns. */
export function ids(list: readonly ShapeNoun[]): readonly string[] {
  return list.map((noun) => noun.id);
}

/** All 2D shape ids except those listed. */
function shapes2dExcept(...excluded: readonly string[]): readonly string[] {
  return ids(SHAPES_2D).filter((id) => !excluded.includes(id));
}

/** Closed shapes another shape can sit inside, or nest in copies of itself. */
export const CONTAINER_SHAPES = [
  ...[
    'circle',
    'ellipse',
    'triangle',
    'square',
    'rectangle',
    'rhombus',
    'pentagon',
    'hexagon',
    'octagon',
    'heart',
  ],
] as const;

/** Shapes a 15/30/45-degree rotation visibly changes (not circles, rings, octagons). */
export const ROTATABLE_SHAPES = shapes2dExcept('circle', 'ring', 'octagon');

/** Shapes with one clear direction to point in. */
export const DIRECTIONAL_SHAPES = ['triangle', 'semicircle', 'crescent', 'kite', 'heart'] as const;

/** Polygons that can be regular or irregular. */
export const POLYGON_SHAPES = ['triangle', 'pentagon', 'hexagon', 'heptagon', 'octagon'] as const;

/** Flat shapes that can be tall or wide. */
export const ELONGATABLE_2D = [
  'rectangle',
  'ellipse',
  'rhombus',
  'triangle',
  'kite',
  'parallelogram',
] as const;

/** Flat shapes with corners to round. */
export const CORNERED_SHAPES = [
  ...['square', 'rectangle', 'triangle', 'pentagon', 'hexagon', 'star', 'rhombus', 'cross', 'l-shape'],
  'parallelogram',
] as const;

/** Solids that look different from different sides (every solid but the sphere). */
export const VIEWABLE_SOLIDS = ids(SHAPES_3D).filter((id) => id !== 'sphere');

/** Solids that can be tall or wide. */
export const ELONGATABLE_3D = [
  'cuboid',
  'cylinder',
  'cone',
  'pyramid',
  'triangular-prism',
  'ellipsoid',
] as const;
