/** Every template of the generator, in category order; the space is their concatenation. */
import { COMPOSITION_TEMPLATES } from './compositions.js';
import { LINE_TEMPLATES } from './lines.js';
import { POINT_TEMPLATES } from './points.js';
import { SHAPE_2D_TEMPLATES } from './shapes-2d.js';
import { SHAPE_3D_TEMPLATES } from './shapes-3d.js';
import type { Template } from './template.js';

/** All templates; their order fixes the order of the enumerated space (append, never reorder). */
export const TEMPLATES: readonly Template[] = [
  ...POINT_TEMPLATES,
  ...LINE_TEMPLATES,
  ...SHAPE_2D_TEMPLATES,
  ...SHAPE_3D_TEMPLATES,
  ...COMPOSITION_TEMPLATES,
];
