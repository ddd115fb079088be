/**
 * Wraps TikZ code into a compilable document: a full document passes through unchanged; a bare
 * `tikzpicture` (with any `\usetikzlibrary`/`\usepackage` lines before it) goes into a
 * `standalone` document with tikz loaded.
 */

/** True when the code is a whole LaTeX document. */
export function isFullDocument(code: string): boolean {
  return /\\documentclass/.test(code) && /\\begin\{document\}/.test(code);
}

const PREAMBLE_LINE =
  /^\s*\\(usetikzlibrary|usepackage|usegdlibrary|tikzset|definecolor|pgfplotsset|newcommand|def)\b/;

/** A compilable source, and how many lines precede the answer's first line in it. */
export interface TikzSource {
  readonly source: string;
  readonly lineOffset: number;
}

/**
 * The LaTeX source pdflatex compiles for `code` (each answer line stays on its own line). With
 * `preloaded`, the standalone + tikz preamble is already in the format and is left out.
 */
export function tikzDocument(code: string, preloaded = false): TikzSource {
  if (isFullDocument(code)) return { source: code, lineOffset: 0 };
  const preamble: string[] = [];
  const body: string[] = [];
  let inBody = false;
  for (const line of code.split(/\r?\n/)) {
    if (/\\begin\{(tikzpicture|document)\}/.test(line)) inBody = true;
    if (!inBody && PREAMBLE_LINE.test(line)) {
      preamble.push(line);
      body.push('% (moved to the preamble)');
    } else body.push(/\\(begin|end)\{document\}|\\documentclass/.test(line) ? '%' : line);
  }
  const head = preloaded ? [] : ['\\documentclass[tikz,border=4pt]{standalone}', '\\usepackage{tikz}'];
  const source = [...head, ...preamble, '\\begin{document}', ...body, '\\end{document}', ''].join('\n');
  return { source, lineOffset: head.length + 1 + preamble.length };
}

/** The first TeX error (`! …`) with its `l.N` line (minus `lineOffset`), or undefined. */
export function firstTexError(log: string, lineOffset = 0): string | undefined {
  const lines = log.split(/\r?\n/);
  const at = lines.findIndex((line) => line.startsWith('! '));
  if (at < 0) return undefined;
  const where = lines.slice(at, at + 30).find((line) => /^l\.\d+/.test(line));
  const texLine = Number(where?.match(/^l\.(\d+)/)?.[1] ?? NaN);
  const lineNo = texLine - lineOffset >= 1 ? texLine - lineOffset : undefined;
  const message = lines[at]!.trim();
  return (lineNo ? `line ${lineNo}: ${message}` : message).slice(0, 300);
}
