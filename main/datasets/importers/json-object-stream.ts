/**
 * Walks a JSON document whose top level is an object, streaming the elements of its array members
 * one by one (COCO's `images` and `annotations`) and building only its other members (`info`,
 * `licenses`). Memory stays at one element, whatever the file size.
 */
import { ImportError } from './import-error.js';
import { describeToken, JsonValueBuilder } from './json-value-builder.js';
import type { JsonTokenKind } from './json-tokenizer.js';
import { JsonTokenizer } from './json-tokenizer.js';

/** Callbacks for the parts of the top-level object. */
export interface ObjectStreamHandlers {
  /** One complete element of the top-level array member `key`; `line` is where it starts. */
  readonly onArrayItem: (key: string, value: unknown, line: number) => void;
  /** The end of the top-level array member `key`, with how many elements it had. */
  readonly onArrayEnd?: (key: string, count: number) => void;
  /** A complete top-level member that is not an array. */
  readonly onMember: (key: string, value: unknown, line: number) => void;
}

type State =
  | 'root'
  | 'keyOrEnd'
  | 'key'
  | 'colon'
  | 'memberValue'
  | 'afterMember'
  | 'elementOrEnd'
  | 'element'
  | 'afterElement'
  | 'building'
  | 'done';

/**
 * Streams `chunks` (the text of `file`) through `handlers`; throws ImportError on any error. An
 * error before the top-level object opens is reported as "expected `what`" (the file is not JSON
 * at all, or not an object).
 */
export async function streamTopLevelObject(
  chunks: AsyncIterable<string>,
  file: string,
  what: string,
  handlers: ObjectStreamHandlers,
): Promise<void> {
  const walker = new TopLevelWalker(file, what, handlers);
  const tokenizer = new JsonTokenizer(file, (kind, value, line, column) =>
    walker.token(kind, value, line, column),
  );
  try {
    for await (const chunk of chunks) tokenizer.write(chunk);
    tokenizer.end();
  } catch (error) {
    if (!(error instanceof ImportError) || walker.started) throw error;
    const { line, column, found } = error;
    throw new ImportError({ file, line, ...(column ? { column } : {}), expected: what, found });
  }
  walker.finish(tokenizer.position().line);
}

class TopLevelWalker {
  private state: State = 'root';
  private key = '';
  private inArray = false;
  private elements = 0;
  private builder: JsonValueBuilder | null = null;
  private valueLine = 1;

  constructor(
    private readonly file: string,
    private readonly what: string,
    private readonly handlers: ObjectStreamHandlers,
  ) {}

  token(kind: JsonTokenKind, value: unknown, line: number, column: number): void {
    switch (this.state) {
      case 'root':
        if (kind !== '{') this.fail(this.what, kind, value, line, column);
        this.state = 'keyOrEnd';
        return;
      case 'keyOrEnd':
      case 'key':
        if (kind === '}' && this.state === 'keyOrEnd') return void (this.state = 'done');
        if (kind !== 'string') this.fail('a property name in double quotes', kind, value, line, column);
        this.key = value as string;
        this.state = 'colon';
        return;
      case 'colon':
        if (kind !== ':') this.fail('":" after the property name', kind, value, line, column);
        this.state = 'memberValue';
        return;
      case 'memberValue':
        if (kind === '[') {
          this.inArray = true;
          this.elements = 0;
          this.state = 'elementOrEnd';
          return;
        }
        return this.build(kind, value, line, column);
      case 'elementOrEnd':
      case 'element':
        if (kind === ']' && this.state === 'elementOrEnd') return this.endMember();
        return this.build(kind, value, line, column);
      case 'afterElement':
        if (kind === ']') return this.endMember();
        if (kind !== ',') this.fail('"," or "]"', kind, value, line, column);
        this.state = 'element';
        return;
      case 'afterMember':
        if (kind === '}') return void (this.state = 'done');
        if (kind !== ',') this.fail('"," or "}"', kind, value, line, column);
        this.state = 'key';
        return;
      case 'building':
        return this.feed(kind, value, line, column);
      case 'done':
        this.fail(
          'the end of the file',
          kind,
          value,
          line,
          column,
          'this looks like several JSON values (JSON Lines?), not one JSON document',
        );
    }
  }

  private fail(
    expected: string,
    kind: JsonTokenKind,
    value: unknown,
    line: number,
    column: number,
    hint?: string,
  ): never {
    const found = describeToken(kind, value);
    throw new ImportError({ file: this.file, line, column, expected, found, ...(hint ? { hint } : {}) });
  }

  /** Whether the top-level object has opened. */
  get started(): boolean {
    return this.state !== 'root';
  }

  /** Checks the document ended complete. */
  finish(line: number): void {
    if (this.state === 'done') return;
    const expected =
      this.state === 'root'
        ? 'a JSON object'
        : this.state === 'building'
          ? (this.builder as JsonValueBuilder).expecting()
          : 'the rest of the JSON object';
    const found = this.state === 'root' ? 'no JSON value (the file is empty)' : 'the end of the file';
    throw new ImportError({ file: this.file, line, expected, found });
  }

  private build(kind: JsonTokenKind, value: unknown, line: number, column: number): void {
    this.builder = new JsonValueBuilder(this.file);
    this.valueLine = line;
    this.state = 'building';
    this.feed(kind, value, line, column);
  }

  private feed(kind: JsonTokenKind, value: unknown, line: number, column: number): void {
    const done = (this.builder as JsonValueBuilder).push(kind, value, line, column);
    if (!done) return;
    this.builder = null;
    if (this.inArray) {
      this.state = 'afterElement';
      this.elements += 1;
      this.handlers.onArrayItem(this.key, done.value, this.valueLine);
    } else {
      this.state = 'afterMember';
      this.handlers.onMember(this.key, done.value, this.valueLine);
    }
  }

  private endMember(): void {
    this.inArray = false;
    this.state = 'afterMember';
    this.handlers.onArrayEnd?.(this.key, this.elements);
  }
}
