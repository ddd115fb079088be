/**
 * Code extraction: from a model's raw chat answer to the program to render in the requested
 * language — or the finding that there is no code, or that the code is in another language.
 */
import type { RenderLanguage } from '../types.js';
import { combinePieces } from './combine.js';
import { detectLanguages, type DetectedLanguage } from './detect.js';
import { neutralise } from './neutralise.js';
import { codePieces } from './pieces.js';

/** What extraction found. */
export type Extraction =
  | { readonly kind: 'code'; readonly code: string; readonly pieces: number }
  | { readonly kind: 'no_code' }
  | { readonly kind: 'wrong_language'; readonly detected: DetectedLanguage; readonly code: string };

/** Extracts the `language` program from `answer`, neutralising blocking calls. */
export function extractCode(language: RenderLanguage, answer: string): Extraction {
  const pieces = codePieces(answer).map((piece) => ({
    piece,
    languages: detectLanguages(piece.code, piece.tag),
  }));
  const matching = pieces.filter((p) => p.languages.includes(language)).map((p) => p.piece);
  if (matching.length > 0) {
    return {
      kind: 'code',
      code: neutralise(language, combinePieces(language, matching)),
      pieces: matching.length,
    };
  }
  const other = pieces.find((p) => p.languages[0] !== 'unknown');
  if (other) return { kind: 'wrong_language', detected: other.languages[0]!, code: other.piece.code };
  return { kind: 'no_code' };
}
