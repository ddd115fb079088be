import { describe, expect, it } from 'vitest';
import { firstTexError, isFullDocument, tikzDocument } from '../../../../main/render/tikz/tikz-document.js';

describe('tikz document', () => {
  it('wraps a bare picture in standalone and moves library lines to the preamble', () => {
    const code = '\\usetikzlibrary{arrows}\n\\begin{tikzpicture}\n\\draw (0,0) -- (1,1);\n\\end{tikzpicture}';
    const { source, lineOffset } = tikzDocument(code);
    expect(source).toMatch(/^\\documentclass\[tikz,border=4pt\]\{standalone\}/);
    expect(source.indexOf('\\usetikzlibrary{arrows}')).toBeLessThan(source.indexOf('\\begin{document}'));
    // every answer line keeps its own line, so TeX line numbers map back by a fixed offset
    const lines = source.split('\n');
    expect(lines[lineOffset + 2]).toBe('\\draw (0,0) -- (1,1);');
  });

  it('passes a full document through', () => {
    const full = '\\documentclass{article}\n\\begin{document}\nx\n\\end{document}';
    expect(isFullDocument(full)).toBe(true);
    expect(tikzDocument(full)).toEqual({ source: full, lineOffset: 0 });
  });

  it('reports the first TeX error with the answer line', () => {
    const log = 'This is pdfTeX\n! Undefined control sequence.\nl.7 \\foo\n\n! Emergency stop.\n';
    expect(firstTexError(log, 4)).toBe('line 3: ! Undefined control sequence.');
    expect(firstTexError(log)).toBe('line 7: ! Undefined control sequence.');
    expect(firstTexError('all fine')).toBeUndefined();
  });
});
