/** Templates of the `shape-3d` category: one solid with view, surface, material, light. */
import { ELONGATABLE_3D, ids, SHAPES_3D, VIEWABLE_SOLIDS } from '../vocabulary/shapes.js';
import { attributeAxis, shapeAxis, type Template } from './template.js';

const solids = shapeAxis(ids(SHAPES_3D));
const viewable = shapeAxis(VIEWABLE_SOLIDS);
const colour = attributeAxis('colour');
const size = attributeAxis('size');

function template(name: string, ...axes: Template['axes']): Template {
  return { id: `shape-3d/${name}`, category: 'shape-3d', axes };
}

/** Solid templates: "an isometric blue cube", "a large glossy red wooden cube". */
export const SHAPE_3D_TEMPLATES: readonly Template[] = [
  template('view', colour, viewable, attributeAxis('view')),
  template('sized-view', size, colour, viewable, attributeAxis('view')),
  template('material', size, attributeAxis('finish'), colour, attributeAxis('material'), solids),
  template('lit', size, colour, solids, attributeAxis('lighting'), attributeAxis('shadow')),
  template('placed', attributeAxis('transparency'), colour, solids, attributeAxis('position')),
  template(
    'patterned',
    attributeAxis('fill', ['solid', 'striped', 'dotted', 'checkered']),
    colour,
    viewable,
    attributeAxis('view'),
  ),
  template('proportion', attributeAxis('aspect'), attributeAxis('finish'), colour, shapeAxis(ELONGATABLE_3D)),
  template('bare', solids, attributeAxis('lighting'), attributeAxis('shadow')),
];
