/**
 * Rendering inside a run: extract the code from an answer (kept with the sample) or take code as
 * given, render it in the sandboxed renderer, store the image, and return the `renders` row the
 * item commits with. Never throws for bad answers or bad code.
 */
import { extractCode } from '../render/extract/extract-code.js';
import type { StoredRenderOutcome } from '../render/render-answer.js';
import type { RenderLanguage } from '../render/types.js';
import type { NewRender } from '../store/repos/samples-repo.js';
import type { ExperimentContext } from './experiment.js';

/** Size and seed of a render. */
export interface RenderSettings {
  readonly size: number;
  readonly seed: number;
}

/** A render, its row, and the code that ran (null when none could be extracted). */
export interface RenderedSample {
  readonly code: string | null;
  readonly outcome: StoredRenderOutcome;
  readonly render: NewRender;
}

function renderRow(language: string, outcome: StoredRenderOutcome): NewRender {
  return {
    language,
    status: outcome.status,
    errorText: outcome.error ?? null,
    imageHash: outcome.imageHash ?? null,
    width: outcome.width ?? null,
    height: outcome.height ?? null,
    durationMs: outcome.durationMs,
    renderer: outcome.renderer.split('@')[0] ?? outcome.renderer,
    rendererVersion: outcome.renderer,
    sandbox: outcome.sandbox,
  };
}

/** Renders already-extracted code. */
export async function renderCode(
  ctx: ExperimentContext,
  language: RenderLanguage,
  code: string,
  settings: RenderSettings,
): Promise<RenderedSample> {
  const outcome = await ctx.timed('render', () => ctx.render.renderCode(language, code, settings));
  ctx.recordRenderer(language, outcome.renderer);
  return { code, outcome, render: renderRow(language, outcome) };
}

/** Extracts the code of a raw answer and renders it (extraction failures are render statuses). */
export async function renderAnswer(
  ctx: ExperimentContext,
  language: RenderLanguage,
  answer: string,
  settings: RenderSettings,
): Promise<RenderedSample> {
  const extraction = extractCode(language, answer);
  if (extraction.kind === 'code') return renderCode(ctx, language, extraction.code, settings);
  const outcome = await ctx.timed('render', () => ctx.render.renderAnswer(language, answer, settings));
  return { code: null, outcome, render: renderRow(language, outcome) };
}
