import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../main/datasets/importers/import-error.js';
import type { JsonTokenKind } from '../../../../main/datasets/importers/json-tokenizer.js';
import { JsonTokenizer } from '../../../../main/datasets/importers/json-tokenizer.js';
import { parseJsonLocated } from '../../../../main/datasets/importers/json-value-builder.js';

type Token = [JsonTokenKind, unknown, number, number];

function tokens(chunks: readonly string[]): Token[] {
  const out: Token[] = [];
  const tokenizer = new JsonTokenizer('t.json', (kind, value, line, column) =>
    out.push([kind, value, line, column]),
  );
  for (const chunk of chunks) tokenizer.write(chunk);
  tokenizer.end();
  return out;
}

function located(text: string, firstLine = 1): ImportError {
  try {
    parseJsonLocated(text, 'data.jsonl', firstLine);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

const DOC =
  '{"caption": "A \\"big\\" dog\\u00e9 \\\\ on\\nsand", "id": -12.5e+2,\n "ok": [true, false, null]}';

describe('incremental JSON tokenizer', () => {
  it('gives the same tokens whether the text comes whole or one character at a time', () => {
    const whole = tokens([DOC]);
    expect(tokens([...DOC])).toEqual(whole);
    expect(whole[1]).toEqual(['string', 'caption', 1, 2]);
    expect(whole.map(([, value]) => value)).toContain('A "big" dogé \\ on\nsand');
    expect(whole.map(([, value]) => value)).toContain(-1250);
  });

  it('numbers lines and columns of every token', () => {
    const ok = tokens([DOC]).find(([, value]) => value === 'ok');
    expect(ok?.slice(2)).toEqual([2, 2]);
  });

  it('locates syntax errors by line and column', () => {
    expect(located('{"a": }').message).toBe('data.jsonl:1:7: expected a value, found "}"');
    expect(located('{"a": 1,, "b": 2}', 14).message).toBe(
      'data.jsonl:14:9: expected a property name in double quotes, found ","',
    );
    expect(located('{"a": tru}').message).toMatch(/^data\.jsonl:1:7: expected a JSON value .*found "tru"$/);
    expect(located('{"a": 01}').message).toBe('data.jsonl:1:7: expected a number, found "01"');
    expect(located('{"a": "x\ty"}').found).toBe('the control character U+0009');
    expect(located('{"a": "\\q"}').expected).toMatch(/escape sequences/);
    expect(located('{"a": 1').message).toBe('data.jsonl:1:8: expected "," or "}", found the end of the text');
    expect(located('{"a": 1} {"b": 2}').message).toBe(
      'data.jsonl:1:10: expected the end of the value, found "{"',
    );
    expect(located('{"a": "open').expected).toMatch(/closing quote/);
  });

  it('keeps a "__proto__" key as plain data', () => {
    const value = parseJsonLocated('{"__proto__": {"polluted": true}}', 'x.json') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
