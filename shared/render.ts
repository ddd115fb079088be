/** Render types the faces see: the languages, statuses and the `render.preview` answer. */

/** The languages the workbench renders: the study's four, plus SVG and p5.js. */
export const RENDER_LANGUAGE_NAMES = ['processing', 'tikz', 'matplotlib', 'turtle', 'svg', 'p5js'] as const;
/** A render language, as the contract spells it. */
export type RenderLanguageName = (typeof RENDER_LANGUAGE_NAMES)[number];

/** How a render ended. A uniform image is `blank_image`, not `ok`. */
export const RENDER_STATUS_NAMES = [
  'ok',
  'no_code',
  'wrong_language',
  'compile_error',
  'runtime_error',
  'timeout',
  'resource_limit',
  'blank_image',
] as const;
/** A render status, as the contract spells it. */
export type RenderStatusName = (typeof RENDER_STATUS_NAMES)[number];

/** Answer of `render.preview`: the outcome without the bytes, plus the stored image's hash. */
export interface RenderPreview {
  readonly status: RenderStatusName;
  readonly error?: string;
  readonly log: string;
  readonly durationMs: number;
  readonly renderer: string;
  readonly sandbox: string;
  readonly detectedLanguage?: string;
  readonly width?: number;
  readonly height?: number;
  /** sha256 of the PNG in the image store (ok and blank images). */
  readonly imageHash?: string;
  /** The PNG as base64, only when the request asked for it (the CLI writes it to a file). */
  readonly pngBase64?: string;
}
