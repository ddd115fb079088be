/** Templates of the `shape-2d` category: one flat shape with a few attributes at a time. */
import { valueIds } from '../vocabulary/attributes.js';
import {
  CORNERED_SHAPES,
  DIRECTIONAL_SHAPES,
  ELONGATABLE_2D,
  ids,
  POLYGON_SHAPES,
  ROTATABLE_SHAPES,
  SHAPES_2D,
} from '../vocabulary/shapes.js';
import { attributeAxis, pairAxis, shapeAxis, type Template } from './template.js';

const all2d = shapeAxis(ids(SHAPES_2D));
const colour = attributeAxis('colour');
const fill = attributeAxis('fill');
const size = attributeAxis('size');

function template(name: string, ...axes: Template['axes']): Template {
  return { id: `shape-2d/${name}`, category: 'shape-2d', axes };
}

/** Flat-shape templates: "a small striped red square", "a small red circle in the top-left corner". */
export const SHAPE_2D_TEMPLATES: readonly Template[] = [
  template('appearance', size, fill, colour, all2d),
  template('placed', size, colour, all2d, attributeAxis('position')),
  template(
    'on-background',
    attributeAxis('transparency'),
    pairAxis(['colour', 'background'], valueIds('colour'), valueIds('background'), (c, b) => c !== b),
    all2d,
  ),
  template('rotated', fill, colour, shapeAxis(ROTATABLE_SHAPES), attributeAxis('rotation')),
  template('pointing', size, fill, colour, shapeAxis(DIRECTIONAL_SHAPES), attributeAxis('pointing')),
  template('regularity', size, attributeAxis('regularity'), colour, shapeAxis(POLYGON_SHAPES)),
  template('proportion', attributeAxis('aspect'), fill, colour, shapeAxis(ELONGATABLE_2D)),
  template('corners', size, fill, colour, shapeAxis(CORNERED_SHAPES), attributeAxis('corners')),
  template('drawing-style', size, attributeAxis('drawingStyle'), colour, all2d),
  template(
    'outlined',
    attributeAxis('lineWeight'),
    pairAxis(['colour', 'outlineColour'], valueIds('colour'), valueIds('outlineColour'), (c, o) => c !== o),
    all2d,
  ),
  template('bare', all2d, attributeAxis('position'), attributeAxis('background')),
];
