/**
 * The render service: `(language, rawAnswer, options) → RenderOutcome` = extract + render + blank
 * check; stores the PNG in the image store and, when a sample is given, a `renders` row.
 */
import type { Store } from '../store/store.js';
import { extractCode } from './extract/extract-code.js';
import { defaultPoolSize } from './pool.js';
import { createRenderers } from './registry.js';
import {
  DEFAULT_RENDER_LIMITS,
  type LanguageRenderer,
  type RenderLanguage,
  type RenderOptions,
  type RenderOutcome,
} from './types.js';

/** Options of one answer render; everything has a default. */
export interface RenderAnswerOptions extends Partial<RenderOptions> {
  /** When given, a `renders` row is written for this sample. */
  readonly sampleId?: number;
}

/** An outcome plus the content hash of its image in the store (ok and blank images are stored). */
export interface StoredRenderOutcome extends RenderOutcome {
  readonly imageHash?: string;
}

/** Default options: 512 px, 10 s / 1 GiB / 16 MiB, seed 0. */
export const DEFAULT_RENDER_OPTIONS: RenderOptions = { size: 512, limits: DEFAULT_RENDER_LIMITS, seed: 0 };

/** Renders raw model answers with warm per-language renderers. */
export class RenderService {
  private readonly renderers: ReadonlyMap<RenderLanguage, LanguageRenderer>;

  constructor(
    private readonly store: Store | undefined,
    workers = defaultPoolSize(),
  ) {
    this.renderers = createRenderers({ workers });
  }

  /** The renderer of `language`, if this build has one. */
  renderer(language: RenderLanguage): LanguageRenderer | undefined {
    return this.renderers.get(language);
  }

  /** Extracts, renders and stores one answer. Never throws for bad answers or bad code. */
  async renderAnswer(
    language: RenderLanguage,
    answer: string,
    options: RenderAnswerOptions = {},
  ): Promise<StoredRenderOutcome> {
    const merged: RenderOptions = {
      size: options.size ?? DEFAULT_RENDER_OPTIONS.size,
      seed: options.seed ?? DEFAULT_RENDER_OPTIONS.seed,
      limits: { ...DEFAULT_RENDER_LIMITS, ...options.limits },
    };
    const outcome = await this.renderExtracted(language, answer, merged);
    const imageHash = outcome.png && this.store ? this.store.images.put(outcome.png).hash : undefined;
    if (options.sampleId !== undefined && this.store)
      this.recordRender(options.sampleId, language, outcome, imageHash);
    return imageHash ? { ...outcome, imageHash } : outcome;
  }

  /**
   * Renders code that is already extracted (a self-correct round's code, a `param` function with
   * its call appended) and stores the image. Never throws for bad code.
   */
  async renderCode(
    language: RenderLanguage,
    code: string,
    options: Partial<RenderOptions> = {},
  ): Promise<StoredRenderOutcome> {
    const merged: RenderOptions = {
      size: options.size ?? DEFAULT_RENDER_OPTIONS.size,
      seed: options.seed ?? DEFAULT_RENDER_OPTIONS.seed,
      limits: { ...DEFAULT_RENDER_LIMITS, ...options.limits },
    };
    const outcome = await this.renderWith(language, code, merged, performance.now());
    const imageHash = outcome.png && this.store ? this.store.images.put(outcome.png).hash : undefined;
    return imageHash ? { ...outcome, imageHash } : outcome;
  }

  /** Releases every warm worker. */
  async dispose(): Promise<void> {
    await Promise.all([...this.renderers.values()].map((r) => r.dispose()));
  }

  private async renderExtracted(
    language: RenderLanguage,
    answer: string,
    options: RenderOptions,
  ): Promise<RenderOutcome> {
    const started = performance.now();
    const renderer = this.renderers.get(language);
    // Nothing ran for extraction failures; the renderer that would have run is recorded.
    const base = { renderer: renderer?.id ?? 'none', sandbox: 'wasm-worker' as const, log: '' };
    const done = () => Math.round(performance.now() - started);
    if (!renderer)
      return {
        ...base,
        status: 'resource_limit',
        error: `no renderer for ${language} in this build`,
        durationMs: done(),
      };
    const extraction = extractCode(language, answer);
    switch (extraction.kind) {
      case 'no_code':
        return { ...base, status: 'no_code', error: 'the answer contains no code', durationMs: done() };
      case 'wrong_language':
        return {
          ...base,
          status: 'wrong_language',
          error: `the code is ${extraction.detected}, not ${language}`,
          detectedLanguage: extraction.detected,
          durationMs: done(),
        };
      case 'code':
        return this.renderWith(language, extraction.code, options, started);
    }
  }

  private async renderWith(
    language: RenderLanguage,
    code: string,
    options: RenderOptions,
    started: number,
  ): Promise<RenderOutcome> {
    const renderer = this.renderers.get(language);
    const durationMs = () => Math.round(performance.now() - started);
    if (!renderer)
      return {
        renderer: 'none',
        sandbox: 'wasm-worker',
        log: '',
        status: 'resource_limit',
        error: `no renderer for ${language} in this build`,
        durationMs: durationMs(),
      };
    const available = await renderer.available();
    if (!available.ok)
      return {
        renderer: renderer.id,
        sandbox: 'wasm-worker',
        log: '',
        status: 'resource_limit',
        error: available.reason ?? 'renderer unavailable',
        durationMs: durationMs(),
      };
    return renderer.render(code, options);
  }

  private recordRender(
    sampleId: number,
    language: RenderLanguage,
    outcome: RenderOutcome,
    imageHash?: string,
  ): void {
    this.store?.db
      .prepare(
        `INSERT INTO renders (sample_id, language, status, error_text, image_hash, width, height, duration_ms,
           renderer, renderer_version, sandbox, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        sampleId,
        language,
        outcome.status,
        outcome.error ?? null,
        imageHash ?? null,
        outcome.width ?? null,
        outcome.height ?? null,
        outcome.durationMs,
        outcome.renderer.split('@')[0] ?? outcome.renderer,
        outcome.renderer,
        outcome.sandbox,
        new Date().toISOString(),
      );
  }
}
