/** Builds one JSON value from tokens, checking the grammar and locating every error. */
import { describeJsonValue, ImportError } from './import-error.js';
import type { JsonTokenKind } from './json-tokenizer.js';
import { JsonTokenizer } from './json-tokenizer.js';

interface Frame {
  readonly container: unknown[] | Record<string, unknown>;
  readonly isArray: boolean;
  key: string;
}

type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose';

/** Describes a token for the "found" part of an error. */
export function describeToken(kind: JsonTokenKind, value: unknown): string {
  return kind === 'string' || kind === 'scalar' ? describeJsonValue(value) : JSON.stringify(kind);
}

/** Assigns a member without ever touching the prototype (a `__proto__` key is just a key). */
function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** Accepts the tokens of exactly one value; {@link JsonValueBuilder.push} returns it when complete. */
export class JsonValueBuilder {
  private readonly stack: Frame[] = [];
  private expect: Expect = 'value';

  constructor(private readonly file: string) {}

  /** Feeds one token; returns `{ value }` when it completes the value, else null. */
  push(
    kind: JsonTokenKind,
    value: unknown,
    line: number,
    column: number,
  ): { readonly value: unknown } | null {
    const top = this.stack[this.stack.length - 1];
    switch (this.expect) {
      case 'value':
      case 'valueOrClose':
        if (kind === ']' && this.expect === 'valueOrClose') return this.close();
        if (kind === '{' || kind === '[') return this.open(kind === '[');
        if (kind === 'string' || kind === 'scalar') return this.complete(value);
        return this.fail('a value', kind, value, line, column);
      case 'key':
      case 'keyOrClose':
        if (kind === '}' && this.expect === 'keyOrClose') return this.close();
        if (kind !== 'string')
          return this.fail('a property name in double quotes', kind, value, line, column);
        (top as Frame).key = value as string;
        this.expect = 'colon';
        return null;
      case 'colon':
        if (kind !== ':') return this.fail('":" after the property name', kind, value, line, column);
        this.expect = 'value';
        return null;
      case 'commaOrClose': {
        const closer = top?.isArray ? ']' : '}';
        if (kind === closer) return this.close();
        if (kind !== ',') return this.fail(`"," or "${closer}"`, kind, value, line, column);
        this.expect = top?.isArray ? 'value' : 'key';
        return null;
      }
    }
  }

  /** What the next token must be, for "cut off" errors. */
  expecting(): string {
    const top = this.stack[this.stack.length - 1];
    switch (this.expect) {
      case 'value':
      case 'valueOrClose':
        return 'a value';
      case 'key':
      case 'keyOrClose':
        return 'a property name in double quotes';
      case 'colon':
        return '":" after the property name';
      case 'commaOrClose':
        return `"," or "${top?.isArray ? ']' : '}'}"`;
    }
  }

  private fail(expected: string, kind: JsonTokenKind, value: unknown, line: number, column: number): never {
    throw new ImportError({ file: this.file, line, column, expected, found: describeToken(kind, value) });
  }

  private open(isArray: boolean): null {
    this.stack.push({ container: isArray ? [] : {}, isArray, key: '' });
    this.expect = isArray ? 'valueOrClose' : 'keyOrClose';
    return null;
  }

  private close(): { readonly value: unknown } | null {
    const frame = this.stack.pop() as Frame;
    return this.complete(frame.container);
  }

  private complete(value: unknown): { readonly value: unknown } | null {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.expect = 'value';
      return { value };
    }
    if (top.isArray) (top.container as unknown[]).push(value);
    else setMember(top.container as Record<string, unknown>, top.key, value);
    this.expect = 'commaOrClose';
    return null;
  }
}

/**
 * Parses `text` as exactly one JSON value, throwing an {@link ImportError} with line and column on
 * any error. `firstLine` numbers the first line of `text` (e.g. its line in a JSONL file).
 */
export function parseJsonLocated(text: string, file: string, firstLine = 1): unknown {
  const builder = new JsonValueBuilder(file);
  let result: { readonly value: unknown } | null = null;
  const tokenizer = new JsonTokenizer(
    file,
    (kind, value, line, column) => {
      if (result) {
        throw new ImportError({
          file,
          line,
          column,
          expected: 'the end of the value',
          found: describeToken(kind, value),
        });
      }
      result = builder.push(kind, value, line, column);
    },
    firstLine,
  );
  tokenizer.write(text);
  tokenizer.end();
  if (!result) {
    const lines = text.split('\n');
    const line = firstLine + lines.length - 1;
    const column = (lines[lines.length - 1]?.length ?? 0) + 1;
    throw new ImportError({
      file,
      line,
      column,
      expected: builder.expecting(),
      found: 'the end of the text',
    });
  }
  return (result as { readonly value: unknown }).value;
}
