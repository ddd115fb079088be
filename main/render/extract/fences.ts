/** Splits a chat answer into its fenced code blocks (``` or ~~~, with or without a language tag). */

/** One fenced block of an answer. */
export interface FencedBlock {
  /** The info string's first word, lower-cased (`''` when untagged). */
  readonly tag: string;
  readonly body: string;
}

const OPEN = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)[^\n]*$/;

/** The fenced blocks of `answer` in order; an unterminated last fence runs to the end. */
export function fencedBlocks(answer: string): readonly FencedBlock[] {
  const lines = answer.replace(/\r\n?/g, '\n').split('\n');
  const blocks: FencedBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const open = OPEN.exec(lines[i]!);
    if (!open) {
      i += 1;
      continue;
    }
    const fence = open[1]!;
    const body: string[] = [];
    i += 1;
    while (i < lines.length && !isClose(lines[i]!, fence)) body.push(lines[i++]!);
    i += 1;
    blocks.push({
      tag: open[2]!
        .toLowerCase()
        .replace(/^\{?\.?/, '')
        .replace(/\}$/, ''),
      body: body.join('\n'),
    });
  }
  return blocks;
}

function isClose(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= fence.length && trimmed === fence[0]!.repeat(trimmed.length);
}
