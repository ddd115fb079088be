/** `render.preview`: renders one raw answer on demand and answers the outcome without the bytes. */
import type { RenderPreview } from '../../shared/render.js';
import type { RenderService } from './render-answer.js';
import type { RenderLanguage } from './types.js';

/** What `render.preview` asks for (parsed). */
export interface PreviewRequest {
  readonly language: RenderLanguage;
  readonly response: string;
  readonly size: number;
  readonly seed: number;
  readonly includePng: boolean;
}

/** Renders and stores one answer; the image is reachable by its hash (and inline when asked). */
export async function previewRender(service: RenderService, request: PreviewRequest): Promise<RenderPreview> {
  const { png, ...outcome } = await service.renderAnswer(request.language, request.response, {
    size: request.size,
    seed: request.seed,
  });
  return request.includePng && png ? { ...outcome, pngBase64: Buffer.from(png).toString('base64') } : outcome;
}
