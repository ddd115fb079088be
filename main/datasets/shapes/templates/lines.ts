/** Templates of the `line` category: lines between two places, oriented lines, parallel sets. */
import { valueIds } from '../vocabulary/attributes.js';
import { attributeAxis, shapeAxis, type Axis, type Template } from './template.js';
import { countAxis } from './groups.js';

const places = valueIds('lineStart');

/**
 * (shape, start, end) for lines between two different places. A plain line or a double-headed
 * arrow has no direction, so it takes each unordered pair once ("from A to B" but not "from B to
 * A"); an arrow takes both orders.
 */
function endpointAxis(shapes: readonly string[]): Axis {
  const values: (readonly string[])[] = [];
  for (const shape of shapes) {
    places.forEach((start, i) =>
      places.forEach((end, j) => {
        if (i !== j && (shape === 'arrow' || i < j)) values.push([shape, start, end]);
      }),
    );
  }
  return { fields: ['shape', 'lineStart', 'lineEnd'], values };
}

/** Line templates: "a thick dashed red line from the top-left corner to the bottom-right corner". */
export const LINE_TEMPLATES: readonly Template[] = [
  {
    id: 'line/styled-between',
    category: 'line',
    axes: [attributeAxis('lineStyle'), endpointAxis(['line', 'arrow', 'double-headed-arrow'])],
  },
  {
    id: 'line/between',
    category: 'line',
    axes: [
      attributeAxis('lineWeight'),
      attributeAxis('lineStyle'),
      attributeAxis('colour'),
      endpointAxis(['line', 'arrow', 'double-headed-arrow']),
    ],
  },
  {
    id: 'line/path-between',
    category: 'line',
    axes: [
      attributeAxis('linePath'),
      attributeAxis('lineStyle'),
      attributeAxis('colour'),
      endpointAxis(['line']),
    ],
  },
  {
    id: 'line/arrowhead',
    category: 'line',
    axes: [
      attributeAxis('lineWeight'),
      attributeAxis('colour'),
      endpointAxis(['arrow', 'double-headed-arrow']),
      attributeAxis('arrowhead'),
    ],
  },
  {
    id: 'line/oriented',
    category: 'line',
    axes: [
      attributeAxis('lineLength'),
      attributeAxis('lineWeight'),
      attributeAxis('lineStyle'),
      attributeAxis('colour'),
      attributeAxis('lineOrientation'),
      shapeAxis(['line']),
      attributeAxis('position'),
    ],
  },
  {
    id: 'line/parallel',
    category: 'line',
    axes: [
      countAxis(2, 6),
      attributeAxis('spacing'),
      attributeAxis('lineStyle'),
      attributeAxis('colour'),
      attributeAxis('lineOrientation'),
      shapeAxis(['line']),
    ],
  },
];
