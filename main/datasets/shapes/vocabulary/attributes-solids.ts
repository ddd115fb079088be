/** Attributes of 3D shapes: view, surface finish, material, lighting, shadow. */
import { plainValues, textValues, type AttributeDefinition } from './definition.js';

/** Projection or viewpoint; "isometric" is an adjective, the others follow the noun. */
export const view = {
  name: 'view',
  summary: '3D projection or viewpoint',
  placement: 'after',
  values: [
    { id: 'isometric', text: 'isometric', placement: 'before' },
    { id: 'perspective', text: 'in perspective' },
    { id: 'above', text: 'seen from above' },
    { id: 'below', text: 'seen from below' },
    { id: 'front', text: 'seen from the front' },
    { id: 'side', text: 'seen from the side' },
  ],
} as const satisfies AttributeDefinition;

/** Surface finish of a solid. */
export const finish = {
  name: 'finish',
  summary: 'surface finish of a solid',
  placement: 'before',
  values: plainValues('matte', 'glossy', 'metallic'),
} as const satisfies AttributeDefinition;

/** What a solid is made of (after the colour: "a red wooden cube"). */
export const material = {
  name: 'material',
  summary: 'what a solid is made of',
  placement: 'before',
  values: plainValues('wooden', 'glass', 'stone', 'rubber', 'plastic'),
} as const satisfies AttributeDefinition;

/** Direction of the light on a solid. */
export const lighting = {
  name: 'lighting',
  summary: 'direction of the light on a solid',
  placement: 'special',
  values: textValues(
    ['left', 'lit from the left'],
    ['right', 'lit from the right'],
    ['above', 'lit from above'],
    ['behind', 'lit from behind'],
  ),
} as const satisfies AttributeDefinition;

/** The shadow a solid casts. */
export const shadow = {
  name: 'shadow',
  summary: 'the shadow a solid casts',
  placement: 'special',
  values: textValues(
    ['soft', 'casting a soft shadow'],
    ['hard', 'casting a hard shadow'],
    ['none', 'casting no shadow'],
  ),
} as const satisfies AttributeDefinition;
