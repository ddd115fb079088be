/**
 * Guesses which render language a piece of code is written in, from its content and an optional
 * fence tag. Returns every language the code could be (bare `ellipse(…);` is both Processing and
 * p5.js); the tag only breaks such ties, because models sometimes tag Processing as `javascript`.
 */
import type { RenderLanguage } from '../types.js';

/** What detection found: candidate render languages, or HTML / nothing recognisable. */
export type DetectedLanguage = RenderLanguage | 'html' | 'unknown';

const TAG_LANGUAGE: Readonly<Record<string, DetectedLanguage>> = {
  svg: 'svg',
  xml: 'svg',
  'image/svg+xml': 'svg',
  javascript: 'p5js',
  js: 'p5js',
  p5: 'p5js',
  p5js: 'p5js',
  'p5.js': 'p5js',
  jsx: 'p5js',
  typescript: 'p5js',
  processing: 'processing',
  pde: 'processing',
  java: 'processing',
  arduino: 'processing',
  latex: 'tikz',
  tex: 'tikz',
  tikz: 'tikz',
  pgf: 'tikz',
  context: 'tikz',
  html: 'html',
  htm: 'html',
};

const count = (code: string, patterns: readonly RegExp[]): number =>
  patterns.reduce((n, p) => n + (p.test(code) ? 1 : 0), 0);

const P5_SIGNS = [
  /\bfunction\s+(setup|draw|preload)\s*\(/,
  /\bcreateCanvas\s*\(/,
  /\b(let|const|var)\s+\w+\s*=/,
  /=>/,
  /\bnew\s+p5\b/,
  /\bfunction\s+\w+\s*\(/,
];
const PROCESSING_SIGNS = [
  /\bvoid\s+(setup|draw|\w+)\s*\(/,
  /\bsize\s*\(\s*\d+\s*,\s*\d+/,
  /\b(int|float|double|boolean|color|String|PVector|PImage|PShape|long|char)(\[\])?\s+\w+\s*(=|;|,|\[|\))/,
  /\bprintln\s*\(/,
  /\bnew\s+(float|int|color)\s*\[/,
];
const SKETCH_CALLS =
  /\b(background|ellipse|rect|line|fill|stroke|triangle|circle|beginShape|vertex|arc|point)\s*\(/;

/** Candidate languages of a JavaScript/Java-like sketch (empty when it is not one). */
function sketchCandidates(code: string): readonly DetectedLanguage[] {
  const p5 = count(code, P5_SIGNS);
  const processing = count(code, PROCESSING_SIGNS);
  if (p5 > processing) return ['p5js'];
  if (processing > p5) return ['processing'];
  return SKETCH_CALLS.test(code) || p5 > 0 ? ['processing', 'p5js'] : [];
}

function pythonCandidates(code: string): readonly DetectedLanguage[] {
  const turtle =
    /^\s*(import\s+turtle|from\s+turtle\s+import)\b/m.test(code) || /\bturtle\.\w+\s*\(/.test(code);
  const mpl = /\b(import\s+matplotlib|from\s+matplotlib|plt\.\w+\s*\()/.test(code);
  if (turtle && !mpl) return ['turtle'];
  if (mpl && !turtle) return ['matplotlib'];
  if (mpl && turtle) return ['matplotlib', 'turtle'];
  return [];
}

/** True when `code` looks like Python at all (imports, defs, colon blocks, no semicolons/braces). */
export function looksLikePython(code: string): boolean {
  return /^\s*(import\s+\w+|from\s+[\w.]+\s+import\b|def\s+\w+\s*\(.*\)\s*:)/m.test(code);
}

/** Every render language `code` could be, best first; `['unknown']` when none. */
export function detectLanguages(code: string, tag = ''): readonly DetectedLanguage[] {
  const page = /<(html|body|!doctype html)[\s>]/i.test(code);
  if (/<svg[\s>]/i.test(code) && !page) return ['svg'];
  if (/<(html|body|script|!doctype html)[\s>]/i.test(code)) return ['html'];
  if (/\\begin\{tikzpicture\}|\\documentclass|\\(draw|fill|filldraw|node|path|shade)\b[^\n]*;/.test(code))
    return ['tikz'];
  const python = pythonCandidates(code);
  if (python.length > 0 && (looksLikePython(code) || ['python', 'py', 'python3'].includes(tag)))
    return python;
  if (looksLikePython(code) && !/[{};]\s*$/m.test(code)) return ['unknown'];
  const sketch = sketchCandidates(code);
  if (sketch.length > 1) {
    const hinted = TAG_LANGUAGE[tag];
    if (hinted === 'p5js' || hinted === 'processing') return [hinted, ...sketch.filter((l) => l !== hinted)];
  }
  if (sketch.length > 0) return sketch;
  return ['unknown'];
}
