/** Templates of the `composition` category: groups of one shape, and two shapes in a relation. */
import { valueIds } from '../vocabulary/attributes.js';
import { CONTAINER_SHAPES, ids, SHAPES_2D, SHAPES_3D } from '../vocabulary/shapes.js';
import { groupAxis } from './groups.js';
import { canonicalObjectPairs, containedObjectPairs, orderedObjectPairs } from './relations.js';
import { attributeAxis, shapeAxis, type Template } from './template.js';

const flat = ids(SHAPES_2D);
const solid = ids(SHAPES_3D);
const colours = valueIds('colour');
const colour = attributeAxis('colour');
/** Every arrangement but nesting, which only suits container shapes. */
const ORDERLY_AND_LOOSE = [
  'row',
  'column',
  'grid',
  'circle',
  'diagonal',
  'triangle',
  'scattered',
  'stacked',
  'overlapping',
];

function template(name: string, ...axes: Template['axes']): Template {
  return { id: `composition/${name}`, category: 'composition', axes };
}

/**
 * Composition templates: "three green triangles in a row", "a yellow star inside a purple
 * hexagon", "a red sphere on top of a blue cube".
 */
export const COMPOSITION_TEMPLATES: readonly Template[] = [
  template('plain-group', groupAxis(ORDERLY_AND_LOOSE), colour, shapeAxis(flat)),
  template(
    'group',
    groupAxis([
      'row',
      'column',
      'grid',
      'circle',
      'diagonal',
      'triangle',
      'scattered',
      'stacked',
      'overlapping',
    ]),
    attributeAxis('size'),
    colour,
    shapeAxis(flat),
  ),
  template(
    'spaced-group',
    groupAxis(['row', 'column', 'circle', 'diagonal']),
    attributeAxis('spacing'),
    attributeAxis('fill'),
    colour,
    shapeAxis(flat),
  ),
  template(
    'graded-group',
    groupAxis(['row', 'column', 'diagonal', 'stacked']),
    attributeAxis('sizeProgression'),
    colour,
    shapeAxis(flat),
  ),
  template('nested', groupAxis(['nested']), attributeAxis('fill'), colour, shapeAxis(CONTAINER_SHAPES)),
  template(
    'inside',
    attributeAxis('relation', ['inside']),
    containedObjectPairs(flat, CONTAINER_SHAPES, colours),
  ),
  template(
    'beside',
    attributeAxis('relation', [
      'above',
      'below',
      'overlapping',
      'touching',
      'next-to',
      'left-of',
      'right-of',
    ]),
    canonicalObjectPairs(flat, colours),
  ),
  template(
    'solids-beside',
    attributeAxis('relation', ['next-to', 'left-of', 'right-of', 'behind', 'in-front-of']),
    canonicalObjectPairs(solid, colours),
  ),
  template('solids-stacked', attributeAxis('relation', ['on-top-of']), orderedObjectPairs(solid, colours)),
];
