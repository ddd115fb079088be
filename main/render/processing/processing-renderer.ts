/** Processing renderer: processing-js compiles the Java-syntax sketch to JS inside QuickJS. */
import type { RendererConfig } from '../registry.js';
import { createSketchRenderer, packageVersion } from '../sketch-renderer.js';
import type { LanguageRenderer } from '../types.js';

/** Creates the Processing renderer. */
export function createProcessingRenderer(config: RendererConfig): LanguageRenderer {
  const id = `quickjs@${packageVersion('quickjs-emscripten')}+processing-js@${packageVersion('processing-js')}`;
  return createSketchRenderer('processing', id, config);
}
