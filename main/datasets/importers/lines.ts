/** Splits streamed text into numbered lines (LF or CRLF), holding at most one partial line. */

/** One line of a file, without its line ending. */
export interface NumberedLine {
  readonly text: string;
  /** 1-based line number. */
  readonly line: number;
}

/** Yields the lines of `chunks`; a final line without a line ending is yielded too. */
export async function* numberedLines(chunks: AsyncIterable<string>): AsyncGenerator<NumberedLine> {
  let partial = '';
  let line = 0;
  for await (const chunk of chunks) {
    let start = 0;
    let end = chunk.indexOf('\n');
    while (end >= 0) {
      line += 1;
      yield { text: stripCr(partial + chunk.slice(start, end)), line };
      partial = '';
      start = end + 1;
      end = chunk.indexOf('\n', start);
    }
    partial += chunk.slice(start);
  }
  if (partial !== '') yield { text: stripCr(partial), line: line + 1 };
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
