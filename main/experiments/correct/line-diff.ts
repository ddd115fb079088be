/**
 * Line diffs between two rounds of a self-correction, as unified-diff text (the format `diff -u`
 * writes and `patch` reads). The edit script is a shortest one (Myers' O(ND) algorithm), so the
 * number of changed lines is the true line edit distance; hunks carry 3 lines of context.
 */

/** One line of an edit script. */
interface Edit {
  readonly kind: 'equal' | 'delete' | 'insert';
  readonly line: string;
}

/** The lines of a text; a final newline ends the last line rather than starting an empty one. */
export function textLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Myers' greedy forward search, recording each step's frontier for the backtrack. */
function frontiers(a: ReadonlyArray<string>, b: ReadonlyArray<string>): Int32Array[] {
  const max = a.length + b.length;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= a.length && y >= b.length) return trace;
    }
  }
  return trace;
}

/** A shortest edit script turning `a` into `b`. */
function editScript(a: ReadonlyArray<string>, b: ReadonlyArray<string>): Edit[] {
  const trace = frontiers(a, b);
  const offset = a.length + b.length + 1;
  const edits: Edit[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[offset + prevK]!;
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      edits.push({ kind: 'equal', line: a[x]! });
    }
    if (d > 0) edits.push(down ? { kind: 'insert', line: b[--y]! } : { kind: 'delete', line: a[--x]! });
  }
  return edits.reverse();
}

/** `start,length` of a hunk side as `diff -u` writes it (length 1 omitted; empty: the line before). */
function range(start: number, length: number): string {
  if (length === 0) return `${start},0`;
  return length === 1 ? `${start + 1}` : `${start + 1},${length}`;
}

/** Groups an edit script into hunks with `context` unchanged lines around each change. */
function hunks(edits: ReadonlyArray<Edit>, context: number): string[] {
  const changed = edits.flatMap((e, i) => (e.kind === 'equal' ? [] : [i]));
  const out: string[] = [];
  let i = 0;
  while (i < changed.length) {
    let j = i;
    while (j + 1 < changed.length && changed[j + 1]! - changed[j]! <= 2 * context + 1) j++;
    const from = Math.max(0, changed[i]! - context);
    const to = Math.min(edits.length, changed[j]! + context + 1);
    const before = edits.slice(0, from);
    const aStart = before.filter((e) => e.kind !== 'insert').length;
    const bStart = before.filter((e) => e.kind !== 'delete').length;
    const body = edits.slice(from, to);
    const aLength = body.filter((e) => e.kind !== 'insert').length;
    const bLength = body.filter((e) => e.kind !== 'delete').length;
    out.push(`@@ -${range(aStart, aLength)} +${range(bStart, bLength)} @@`);
    for (const e of body) out.push(`${e.kind === 'equal' ? ' ' : e.kind === 'delete' ? '-' : '+'}${e.line}`);
    i = j + 1;
  }
  return out;
}

/** Labels of the two sides in the diff header. */
export interface DiffLabels {
  readonly from: string;
  readonly to: string;
}

/**
 * The unified diff from `before` to `after` (lines compared exactly, CRLF read as LF), or '' when
 * their lines are equal. Each line ends with '\n'.
 */
export function unifiedLineDiff(before: string, after: string, labels: DiffLabels, context = 3): string {
  const body = hunks(editScript(textLines(before), textLines(after)), context);
  if (body.length === 0) return '';
  return [`--- ${labels.from}`, `+++ ${labels.to}`, ...body].map((line) => `${line}\n`).join('');
}
