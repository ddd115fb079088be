/** Attributes of a shape's look: colour, fill, size and proportion, orientation, drawing style. */
import { plainValues, textValues, type AttributeDefinition } from './definition.js';

/** Named colours; `referenceColour` (second shape of a relation) uses the same vocabulary. */
export const colour = {
  name: 'colour',
  summary: 'named colour of the shape, line or point',
  placement: 'before',
  values: plainValues(
    'red',
    'orange',
    'yellow',
    'green',
    'blue',
    'purple',
    'pink',
    'brown',
    'black',
    'white',
    'grey',
    'cyan',
  ),
} as const satisfies AttributeDefinition;

/** Texture or fill of a surface. */
export const fill = {
  name: 'fill',
  summary: 'texture/fill of the surface',
  placement: 'before',
  values: textValues(
    ['solid', 'solid'],
    ['striped', 'striped'],
    ['dotted', 'dotted'],
    ['checkered', 'checkered'],
    ['cross-hatched', 'cross-hatched'],
    ['gradient', 'gradient-filled'],
    ['outlined', 'outlined'],
  ),
} as const satisfies AttributeDefinition;

/** Opacity: opaque (alpha 1), semi-transparent (about 0.5), faint (about 0.2). */
export const transparency = {
  name: 'transparency',
  summary: 'opacity of the shape',
  placement: 'before',
  values: plainValues('opaque', 'semi-transparent', 'faint'),
} as const satisfies AttributeDefinition;

/** Size relative to the canvas. */
export const size = {
  name: 'size',
  summary: 'size relative to the canvas',
  placement: 'before',
  values: textValues(
    ['tiny', 'tiny'],
    ['small', 'small'],
    ['medium', 'medium-sized'],
    ['large', 'large'],
    ['huge', 'huge'],
  ),
} as const satisfies AttributeDefinition;

/** Proportion of an elongatable shape. */
export const aspect = {
  name: 'aspect',
  summary: 'proportion (taller than wide, or wider than tall)',
  placement: 'before',
  values: plainValues('tall', 'wide'),
} as const satisfies AttributeDefinition;

/** Whether a polygon has equal sides and angles. */
export const regularity = {
  name: 'regularity',
  summary: 'regular (equal sides and angles) or irregular polygon',
  placement: 'before',
  values: plainValues('regular', 'irregular'),
} as const satisfies AttributeDefinition;

/** Corner treatment of a polygon. */
export const corners = {
  name: 'corners',
  summary: 'corner treatment of a shape with corners',
  placement: 'after',
  values: textValues(['rounded', 'with rounded corners'], ['sharp', 'with sharp corners']),
} as const satisfies AttributeDefinition;

/** Clockwise rotation from the upright pose (only for shapes it changes: no circles, rings, octagons). */
export const rotation = {
  name: 'rotation',
  summary: 'clockwise rotation from the upright pose',
  placement: 'after',
  values: textValues(
    ['15', 'rotated 15 degrees'],
    ['30', 'rotated 30 degrees'],
    ['45', 'rotated 45 degrees'],
  ),
} as const satisfies AttributeDefinition;

/** Direction a directional shape points to (triangle, semicircle, crescent, kite, heart). */
export const pointing = {
  name: 'pointing',
  summary: 'direction a directional shape points to',
  placement: 'after',
  values: textValues(
    ['up', 'pointing up'],
    ['down', 'pointing down'],
    ['left', 'pointing left'],
    ['right', 'pointing right'],
  ),
} as const satisfies AttributeDefinition;

/** Drawing style of the mark. */
export const drawingStyle = {
  name: 'drawingStyle',
  summary: 'drawing style of the mark',
  placement: 'before',
  values: plainValues('hand-drawn', 'pixelated', 'blurred', 'glowing'),
} as const satisfies AttributeDefinition;

/** Colour of a contrasting outline ("with a thick black outline"; its weight is `lineWeight`). */
export const outlineColour = {
  name: 'outlineColour',
  summary: 'colour of a contrasting outline around a filled shape',
  placement: 'special',
  values: plainValues('black', 'white', 'grey', 'gold'),
} as const satisfies AttributeDefinition;

/** Canvas background. */
export const background = {
  name: 'background',
  summary: 'canvas background',
  placement: 'after',
  values: textValues(
    ['white', 'on a white background'],
    ['black', 'on a black background'],
    ['light-grey', 'on a light grey background'],
    ['sky-blue', 'on a sky-blue background'],
    ['graph-paper', 'on graph paper'],
  ),
} as const satisfies AttributeDefinition;
