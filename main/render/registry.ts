/**
 * The renderers by language. Each language module contributes one factory line below; the render
 * service builds them once per engine (warm workers live inside the renderers).
 */
import { createP5Renderer } from './p5js/p5-renderer.js';
import { createProcessingRenderer } from './processing/processing-renderer.js';
import { createMatplotlibRenderer, createTurtleRenderer } from './python/python-renderer.js';
import { createSvgRenderer } from './svg/svg-renderer.js';
import { createTikzRenderer } from './tikz/tikz-renderer.js';
import type { LanguageRenderer, RenderLanguage } from './types.js';

/** What every renderer factory may use. */
export interface RendererConfig {
  /** Upper bound of concurrent renders per language (the pool size). */
  readonly workers: number;
}

/** Builds one language's renderer. */
export type RendererFactory = (config: RendererConfig) => LanguageRenderer;

/** The factory of every language that has a renderer (one line per language module). */
export const RENDERER_FACTORIES: Readonly<Partial<Record<RenderLanguage, RendererFactory>>> = {
  svg: createSvgRenderer,
  p5js: createP5Renderer,
  processing: createProcessingRenderer,
  matplotlib: createMatplotlibRenderer,
  turtle: createTurtleRenderer,
  tikz: createTikzRenderer,
};

/** Builds the renderer of every language in {@link RENDERER_FACTORIES}. */
export function createRenderers(config: RendererConfig): ReadonlyMap<RenderLanguage, LanguageRenderer> {
  const renderers = new Map<RenderLanguage, LanguageRenderer>();
  for (const [language, factory] of Object.entries(RENDERER_FACTORIES)) {
    if (factory) renderers.set(language as RenderLanguage, factory(config));
  }
  return renderers;
}
