/**
 * Turns a raw answer into candidate code pieces: fenced blocks, the inline scripts and SVG of an
 * HTML page, or — when there is no fence — the code-looking part of the bare text.
 */
import { fencedBlocks } from './fences.js';

/** A candidate piece of code and the tag it came with. */
export interface CodePiece {
  readonly tag: string;
  readonly code: string;
}

const SVG = /<svg[\s>][\s\S]*<\/svg\s*>/i;
const INLINE_SCRIPT = /<script(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script\s*>/gi;
const TIKZ_DOCUMENT = /\\documentclass[\s\S]*?\\end\{document\}/;
const TIKZ_PICTURE = /\\begin\{tikzpicture\}[\s\S]*?\\end\{tikzpicture\}/;

/** The SVG element of `text` (from the first `<svg` to the last `</svg>`), if any. */
export function svgElement(text: string): string | undefined {
  return SVG.exec(text)?.[0];
}

/** Splits an HTML page into its inline scripts (as JavaScript) and its SVG. */
function htmlPieces(html: string): readonly CodePiece[] {
  const scripts = [...html.matchAll(INLINE_SCRIPT)]
    .map((m) => m[1]!.trim())
    .filter((s) => s.length > 0)
    .map((code) => ({ tag: 'javascript', code }));
  const svg = svgElement(html.replace(INLINE_SCRIPT, ''));
  return svg ? [...scripts, { tag: 'svg', code: svg }] : scripts;
}

function isHtml(code: string): boolean {
  return /<(html|body|head|script|!doctype html)[\s>]/i.test(code);
}

/** Candidate pieces of an answer without fences: its SVG, HTML scripts, TeX, or the whole text. */
function barePieces(answer: string): readonly CodePiece[] {
  if (isHtml(answer)) return htmlPieces(answer);
  const svg = svgElement(answer);
  if (svg) return [{ tag: 'svg', code: svg }];
  const tex = TIKZ_DOCUMENT.exec(answer)?.[0] ?? TIKZ_PICTURE.exec(answer)?.[0];
  if (tex) return [{ tag: 'latex', code: tex }];
  const trimmed = answer.trim();
  return trimmed ? [{ tag: '', code: trimmed }] : [];
}

/** The candidate pieces of `answer`, in the order they appear. */
export function codePieces(answer: string): readonly CodePiece[] {
  const blocks = fencedBlocks(answer);
  if (blocks.length === 0) return barePieces(answer);
  return blocks.flatMap((block): readonly CodePiece[] => {
    if (block.tag === 'html' || (isHtml(block.body) && !block.tag.startsWith('svg')))
      return htmlPieces(block.body);
    return block.body.trim() ? [{ tag: block.tag, code: block.body }] : [];
  });
}
