/**
 * Neutralises blocking and interactive calls so that a program draws once and ends: a window's
 * event loop (`plt.show()`, `turtle.done()`, `mainloop()`, `exitonclick()`), sleeps and input.
 * Sketch languages need no text edits: their runtime shim turns `noLoop`/`loop`, timers and
 * animation into one defined frame (see ../p5js/README section in ../README.md).
 */
import { assertNever } from '../../../shared/result.js';
import type { RenderLanguage } from '../types.js';

/** `None` is a valid Python expression statement wherever the call stood. */
const PY_NOOP = 'None';

const PYTHON_COMMON: readonly RegExp[] = [/\btime\.sleep\s*\([^()\n]*\)/g, /(?<![\w.])input\s*\([^()\n]*\)/g];
const MATPLOTLIB: readonly RegExp[] = [
  /\b(?:plt|pyplot|matplotlib\.pyplot|fig|figure)\.show\s*\([^()\n]*\)/g,
  /\bplt\.pause\s*\([^()\n]*\)/g,
];
const TURTLE: readonly RegExp[] = [
  /\b(?:[\w.]+(?:\(\))?\.)?(?:done|mainloop|exitonclick|bye)\s*\(\s*\)/g,
  /\b(?:[\w.]+(?:\(\))?\.)?(?:listen|onscreenclick|onkey|onkeypress|onclick|ontimer)\s*\([^\n]*\)/g,
];

function replaceAll(code: string, patterns: readonly RegExp[]): string {
  return patterns.reduce((text, pattern) => text.replace(pattern, PY_NOOP), code);
}

/** `code` with the language's blocking calls replaced by no-ops. */
export function neutralise(language: RenderLanguage, code: string): string {
  switch (language) {
    case 'matplotlib':
      return replaceAll(code, [...MATPLOTLIB, ...PYTHON_COMMON]);
    case 'turtle':
      return replaceAll(code, [...TURTLE, ...PYTHON_COMMON]);
    case 'svg':
    case 'tikz':
    case 'p5js':
    case 'processing':
      return code;
    default:
      return assertNever(language, 'render language');
  }
}
