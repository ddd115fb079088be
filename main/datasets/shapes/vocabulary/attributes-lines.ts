/** Attributes of lines and arrows: style, weight, path, orientation, length, endpoints, arrowheads. */
import { plainValues, textValues, type AttributeDefinition, type AttributeValue } from './definition.js';

/** Dash pattern of a stroke. */
export const lineStyle = {
  name: 'lineStyle',
  summary: 'dash pattern of a line',
  placement: 'before',
  values: plainValues('solid', 'dashed', 'dotted', 'dash-dotted'),
} as const satisfies AttributeDefinition;

/** Stroke weight of a line, or of a shape's outline. */
export const lineWeight = {
  name: 'lineWeight',
  summary: "stroke weight of a line (or of a shape's outline)",
  placement: 'before',
  values: plainValues('hairline', 'thin', 'thick', 'extra-thick'),
} as const satisfies AttributeDefinition;

/** Course of a line between its ends. */
export const linePath = {
  name: 'linePath',
  summary: 'course of a line between its ends',
  placement: 'before',
  values: plainValues('straight', 'curved', 'wavy', 'zigzag'),
} as const satisfies AttributeDefinition;

/** Orientation of a straight line; diagonals say which way they rise. */
export const lineOrientation = {
  name: 'lineOrientation',
  summary: 'orientation of a line',
  placement: 'before',
  values: [
    { id: 'horizontal', text: 'horizontal' },
    { id: 'vertical', text: 'vertical' },
    { id: 'rising', text: 'diagonal', after: 'rising to the right' },
    { id: 'falling', text: 'diagonal', after: 'falling to the right' },
  ],
} as const satisfies AttributeDefinition;

/** Length of a line relative to the canvas. */
export const lineLength = {
  name: 'lineLength',
  summary: 'length of a line relative to the canvas',
  placement: 'before',
  values: textValues(['short', 'short'], ['medium', 'medium-length'], ['long', 'long']),
} as const satisfies AttributeDefinition;

const endpoints: readonly AttributeValue[] = textValues(
  ['top-left', 'the top-left corner'],
  ['top', 'the middle of the top edge'],
  ['top-right', 'the top-right corner'],
  ['left', 'the middle of the left edge'],
  ['centre', 'the centre'],
  ['right', 'the middle of the right edge'],
  ['bottom-left', 'the bottom-left corner'],
  ['bottom', 'the middle of the bottom edge'],
  ['bottom-right', 'the bottom-right corner'],
);

/** Where a line starts (the same nine places as `position`). */
export const lineStart = {
  name: 'lineStart',
  summary: 'where a line starts (corners, edge midpoints, centre)',
  placement: 'special',
  values: endpoints,
} as const satisfies AttributeDefinition;

/** Where a line ends (the same nine places as `position`). */
export const lineEnd = {
  name: 'lineEnd',
  summary: 'where a line ends (corners, edge midpoints, centre)',
  placement: 'special',
  values: endpoints,
} as const satisfies AttributeDefinition;

/** Head of an arrow ("with an open arrowhead"; a double-headed arrow gets "open arrowheads"). */
export const arrowhead = {
  name: 'arrowhead',
  summary: 'kind of arrowhead on an arrow',
  placement: 'special',
  values: plainValues('filled', 'open', 'barbed'),
} as const satisfies AttributeDefinition;
