/**
 * Chooses and joins the pieces that make one program in the requested language: the first
 * complete program, plus — for sketches — later blocks that add new functions (a sketch split
 * into a globals/setup block and a draw block). Alternatives ("or, without WEBGL: …") that
 * redefine `setup`/`draw` and snippets ("add this line") are left out.
 */
import { assertNever } from '../../../shared/result.js';
import type { RenderLanguage } from '../types.js';
import type { CodePiece } from './pieces.js';
import { svgElement } from './pieces.js';

const FUNCTION_NAME =
  /^(?:async\s+)?function\s+(\w+)\s*\(|^(?:void|int|float|double|boolean|color|String|PVector|PImage|long|char)(?:\[\])?\s+(\w+)\s*\(/gm;

/** Names of the top-level functions `code` defines. */
export function functionNames(code: string): readonly string[] {
  return [...code.matchAll(FUNCTION_NAME)].map((m) => m[1] ?? m[2]!);
}

function joinSketch(pieces: readonly CodePiece[]): string {
  const parts: string[] = [];
  const names = new Set<string>();
  for (const piece of pieces) {
    const defined = functionNames(piece.code);
    const fresh = defined.length > 0 && defined.every((n) => !names.has(n));
    if (parts.length > 0 && !fresh) continue;
    defined.forEach((n) => names.add(n));
    parts.push(piece.code.trim());
  }
  return parts.join('\n\n');
}

const TIKZ_PREAMBLE = [
  '\\documentclass[tikz,border=4pt]{standalone}',
  '\\usepackage{tikz}',
  '\\usetikzlibrary{arrows.meta,calc,positioning,shapes.geometric,patterns,decorations.pathmorphing}',
  '\\begin{document}',
].join('\n');

/** A full document for a TikZ piece: a `standalone` document stays as is; a bare picture (or bare
 * drawing commands) gets a `standalone` preamble. */
export function tikzDocument(code: string): string {
  if (/\\documentclass/.test(code)) return code.trim();
  const picture = /\\begin\{tikzpicture\}/.test(code)
    ? code.trim()
    : `\\begin{tikzpicture}\n${code.trim()}\n\\end{tikzpicture}`;
  return `${TIKZ_PREAMBLE}\n${picture}\n\\end{document}\n`;
}

function isCompletePython(code: string): boolean {
  return /^\s*(import|from)\s+\w/m.test(code);
}

/** The program in `language` made from the matching `pieces` (at least one). */
export function combinePieces(language: RenderLanguage, pieces: readonly CodePiece[]): string {
  const first = pieces[0]!;
  switch (language) {
    case 'svg':
      return (svgElement(first.code) ?? first.code).trim();
    case 'tikz':
      return tikzDocument(
        (pieces.find((p) => /\\begin\{tikzpicture\}|\\documentclass/.test(p.code)) ?? first).code,
      );
    case 'matplotlib':
    case 'turtle': {
      const complete = pieces.find((p) => isCompletePython(p.code));
      return complete ? complete.code.trim() : pieces.map((p) => p.code.trim()).join('\n\n');
    }
    case 'p5js':
    case 'processing':
      return joinSketch(pieces);
    default:
      return assertNever(language, 'render language');
  }
}
