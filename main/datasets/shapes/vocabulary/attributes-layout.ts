/** Attributes of placement and of groups: position, count, arrangement, spacing, relations, labels. */
import { textValues, type AttributeDefinition } from './definition.js';

/** Absolute position on the canvas: four corners, four edges, the centre. */
export const position = {
  name: 'position',
  summary: 'absolute position on the canvas (corners, edges, centre)',
  placement: 'after',
  values: textValues(
    ['top-left', 'in the top-left corner'],
    ['top', 'at the top'],
    ['top-right', 'in the top-right corner'],
    ['left', 'on the left'],
    ['centre', 'in the centre'],
    ['right', 'on the right'],
    ['bottom-left', 'in the bottom-left corner'],
    ['bottom', 'at the bottom'],
    ['bottom-right', 'in the bottom-right corner'],
  ),
} as const satisfies AttributeDefinition;

/** How many copies a group has; the text is the number word (a single item has no count). */
export const count = {
  name: 'count',
  summary: 'number of copies in a group (2–9, always written as a word)',
  placement: 'special',
  values: textValues(
    ['2', 'two'],
    ['3', 'three'],
    ['4', 'four'],
    ['5', 'five'],
    ['6', 'six'],
    ['7', 'seven'],
    ['8', 'eight'],
    ['9', 'nine'],
  ),
} as const satisfies AttributeDefinition;

/** Spatial arrangement of a group; which counts suit each one is decided in templates/groups.ts. */
export const arrangement = {
  name: 'arrangement',
  summary: 'spatial arrangement of a group',
  placement: 'after',
  values: textValues(
    ['row', 'in a row'],
    ['column', 'in a column'],
    ['grid', 'in a grid'],
    ['circle', 'in a circle'],
    ['diagonal', 'in a diagonal line'],
    ['triangle', 'arranged in a triangle'],
    ['scattered', 'scattered at random'],
    ['stacked', 'stacked on top of each other'],
    ['overlapping', 'overlapping each other'],
    ['nested', 'nested inside each other'],
  ),
} as const satisfies AttributeDefinition;

/** Spacing between the members of a group (for orderly arrangements only). */
export const spacing = {
  name: 'spacing',
  summary: 'spacing between the members of a group',
  placement: 'before',
  values: textValues(['even', 'evenly spaced'], ['close', 'closely spaced'], ['wide', 'widely spaced']),
} as const satisfies AttributeDefinition;

/** How sizes change along a group. */
export const sizeProgression = {
  name: 'sizeProgression',
  summary: 'how sizes change along a group',
  placement: 'after',
  values: textValues(
    ['increasing', 'of increasing size'],
    ['decreasing', 'of decreasing size'],
    ['equal', 'of equal size'],
  ),
} as const satisfies AttributeDefinition;

/** Relation of the main shape to a reference shape (2D: first eight; 3D: from `next-to` on). */
export const relation = {
  name: 'relation',
  summary: 'spatial relation of the main shape to a reference shape',
  placement: 'special',
  values: textValues(
    ['inside', 'inside'],
    ['above', 'above'],
    ['below', 'below'],
    ['overlapping', 'overlapping'],
    ['touching', 'touching'],
    ['next-to', 'next to'],
    ['left-of', 'to the left of'],
    ['right-of', 'to the right of'],
    ['on-top-of', 'on top of'],
    ['behind', 'behind'],
    ['in-front-of', 'in front of'],
  ),
} as const satisfies AttributeDefinition;

/** A capital-letter label written next to a point. */
export const label = {
  name: 'label',
  summary: 'capital-letter label next to a point',
  placement: 'after',
  values: textValues(
    ['A', 'labelled A'],
    ['B', 'labelled B'],
    ['C', 'labelled C'],
    ['P', 'labelled P'],
    ['Q', 'labelled Q'],
    ['X', 'labelled X'],
  ),
} as const satisfies AttributeDefinition;
