/** p5.js renderer: the sketch runs in QuickJS against a recording p5-compatible API (2D only). */
import type { RendererConfig } from '../registry.js';
import { createSketchRenderer, packageVersion } from '../sketch-renderer.js';
import type { LanguageRenderer } from '../types.js';

/** Creates the p5.js renderer. */
export function createP5Renderer(config: RendererConfig): LanguageRenderer {
  return createSketchRenderer('p5js', `quickjs@${packageVersion('quickjs-emscripten')}+p5-shim@1`, config);
}
