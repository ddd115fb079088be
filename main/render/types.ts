/**
 * The rendering contract: a render is a pure function `(language, code, options) → outcome`, run
 * under a sandbox with limits on wall time, memory and output size. Every renderer (one module per
 * language) implements {@link LanguageRenderer}; the pool and the faces only see these types.
 */

import type {
  RenderLanguageName as RenderLanguage,
  RenderStatusName as RenderStatus,
} from '../../shared/render.js';

// The language and status lists are part of the contract, so they live in shared/render.ts.
export {
  RENDER_LANGUAGE_NAMES as RENDER_LANGUAGES,
  RENDER_STATUS_NAMES as RENDER_STATUSES,
  type RenderLanguageName as RenderLanguage,
  type RenderStatusName as RenderStatus,
} from '../../shared/render.js';

/** Which isolation a render actually had (the UI shows it next to every image). */
export type SandboxKind =
  | 'bubblewrap' // Linux namespaces, unprivileged uid, rlimits, no network, read-only system, scratch dir
  | 'rlimits' // child process with rlimits + kill timeout only: the "weaker sandbox" flag
  | 'wasm-worker' // a WASM engine (QuickJS, TeX) in a worker thread, no host objects, killed on deadline
  | 'child-process' // a dedicated child process with a throw-away cwd, killed on deadline (e.g. resvg)
  | 'chromium'; // a sandboxed browser context with all requests blocked

/** Limits of one render. */
export interface RenderLimits {
  /** Wall-clock limit, enforced by killing (default 10 s). */
  readonly timeoutMs: number;
  /** Memory limit in MiB (address space / heap, per renderer). */
  readonly memoryMb: number;
  /** Largest PNG accepted, in bytes. */
  readonly maxOutputBytes: number;
}

/** Default limits: 10 s, 1 GiB, 16 MiB of PNG. */
export const DEFAULT_RENDER_LIMITS: RenderLimits = {
  timeoutMs: 10_000,
  memoryMb: 1024,
  maxOutputBytes: 16 << 20,
};

/** Options of one render. */
export interface RenderOptions {
  /** Long side of the output PNG in pixels (aspect preserved, white background); default 512. */
  readonly size: number;
  readonly limits: RenderLimits;
  /** Seed for `random()`/`noise()` and friends, so the same code renders the same bytes. */
  readonly seed: number;
}

/** What a render produced. `png` is present only for `ok` (and kept for `blank_image` for inspection). */
export interface RenderOutcome {
  readonly status: RenderStatus;
  readonly png?: Uint8Array;
  readonly width?: number;
  readonly height?: number;
  /** Short and useful: the line and message a person would want (never the whole stderr). */
  readonly error?: string;
  /** The renderer's own output, truncated. */
  readonly log: string;
  readonly durationMs: number;
  /** e.g. `resvg@2.6.2`, `pdflatex@TeX Live 2022`, `quickjs+processing-js@1.6.6`. */
  readonly renderer: string;
  readonly sandbox: SandboxKind;
  /** Language the answer's code was actually in, when it differs from the one asked. */
  readonly detectedLanguage?: RenderLanguage | 'html' | 'unknown';
}

/** One language's renderer. `render` never throws for bad code: failures are outcomes. */
export interface LanguageRenderer {
  readonly language: RenderLanguage;
  /** Name and version recorded with every render. */
  readonly id: string;
  /** Whether it can run here (e.g. python3 + matplotlib present), and why not. */
  available(): Promise<{ readonly ok: boolean; readonly reason?: string }>;
  /** Renders already-extracted code. */
  render(code: string, options: RenderOptions): Promise<RenderOutcome>;
  /** Releases warm workers. */
  dispose(): Promise<void>;
}
