/** Templates of the `point` category: single markers, labelled markers, point sets. */
import { valueIds } from '../vocabulary/attributes.js';
import { ids, POINT_SHAPES } from '../vocabulary/shapes.js';
import { groupAxis } from './groups.js';
import { attributeAxis, pairAxis, shapeAxis, type Template } from './template.js';

const markers = shapeAxis(ids(POINT_SHAPES));
const pointSizes = ['tiny', 'small', 'medium', 'large'];

/** Point templates: "a tiny red dot in the top-left corner", "five evenly spaced blue dots in a row". */
export const POINT_TEMPLATES: readonly Template[] = [
  {
    id: 'point/placed',
    category: 'point',
    axes: [attributeAxis('size', pointSizes), attributeAxis('colour'), markers, attributeAxis('position')],
  },
  {
    id: 'point/labelled',
    category: 'point',
    axes: [attributeAxis('colour'), markers, attributeAxis('label'), attributeAxis('position')],
  },
  {
    id: 'point/on-background',
    category: 'point',
    axes: [
      attributeAxis('size', pointSizes),
      pairAxis(['colour', 'background'], valueIds('colour'), valueIds('background'), (c, b) => c !== b),
      markers,
    ],
  },
  {
    id: 'point/bare',
    category: 'point',
    axes: [markers, attributeAxis('position'), attributeAxis('background')],
  },
  {
    id: 'point/set',
    category: 'point',
    axes: [
      groupAxis(['row', 'column', 'grid', 'circle', 'diagonal', 'triangle', 'scattered']),
      attributeAxis('colour'),
      markers,
    ],
  },
  {
    id: 'point/spaced-set',
    category: 'point',
    axes: [
      groupAxis(['row', 'column', 'circle', 'diagonal']),
      attributeAxis('spacing'),
      attributeAxis('colour'),
      markers,
    ],
  },
];
