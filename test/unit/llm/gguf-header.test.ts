import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as llamaCpp from 'node-llama-cpp';
import { readGgufFileInfo } from 'node-llama-cpp';
import { afterAll, describe, expect, it } from 'vitest';
import { GgufError } from '../../../main/llm/gguf/gguf-error.js';
import { readGgufModelInfo } from '../../../main/llm/gguf/gguf-info.js';
import {
  CHAT_ARCHITECTURES,
  FILE_TYPE_NAMES,
  GGML_TYPE_NAMES,
  NON_CHAT_ARCHITECTURES,
} from '../../../main/llm/gguf/gguf-names.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import {
  TINY_CHAT_TEMPLATE,
  TINY_LLAMA,
  tinyLlamaGguf,
  tinyLlamaParameters,
} from '../../fixtures/gguf/tiny-llama.js';

const tmp = tempDataDir('vcheck-gguf-');
afterAll(() => tmp.cleanup());
const write = (name: string, bytes: Buffer): string => {
  const file = path.join(tmp.dir, name);
  writeFileSync(file, bytes);
  return file;
};
const refusal = async (file: string): Promise<GgufError> => {
  const error = await readGgufModelInfo(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GgufError);
  return error as GgufError;
};

describe('GGUF header reader', () => {
  it('reads the facts of the tiny model, agreeing with node-llama-cpp’s own reader', async () => {
    const file = write('tiny.gguf', tinyLlamaGguf());
    const info = await readGgufModelInfo(file);
    const reference = await readGgufFileInfo(file, { readTensorInfo: true });
    expect(info.architecture).toBe(reference.metadata.general.architecture);
    expect(info.tensorCount).toBe(reference.tensorInfo?.length);
    expect(info.chatTemplate).toBe(reference.metadata.tokenizer.chat_template);
    expect(info.chatTemplate).toBe(TINY_CHAT_TEMPLATE);
    expect(info.contextLength).toBe(TINY_LLAMA.contextLength);
    const referenceParams = (reference.tensorInfo ?? []).reduce(
      (sum, t) => sum + t.dimensions.reduce<number>((a, b) => a * Number(b), 1),
      0,
    );
    expect(info.parameters).toBe(referenceParams);
    expect(info.parameters).toBe(tinyLlamaParameters());
    expect(info.quantisation).toBe('F32');
    expect(info.version).toBe(3);
  });

  it('refuses a file that is not GGUF', async () => {
    const error = await refusal(write('x.gguf', Buffer.from('PK\u0003\u0004 this is a zip, not a model')));
    expect(error.code).toBe('not_gguf');
  });

  it('refuses an unknown GGUF version', async () => {
    const error = await refusal(write('v9.gguf', tinyLlamaGguf({ version: 9 })));
    expect(error.code).toBe('unsupported_version');
    expect(error.message).toContain('9');
  });

  it.each([10, 100, 5000, 40_000])('refuses a file truncated to %i bytes', async (bytes) => {
    const error = await refusal(write(`cut-${bytes}.gguf`, tinyLlamaGguf().subarray(0, bytes)));
    expect(error.code).toBe('truncated');
  });

  it('refuses a file whose tensor data was cut off', async () => {
    const full = tinyLlamaGguf();
    const error = await refusal(write('cut-data.gguf', full.subarray(0, full.length - 70_000)));
    expect(error.code).toBe('truncated');
  });

  it.each(['bert', 'no-such-arch'])('refuses architecture %s with its name in the message', async (arch) => {
    const error = await refusal(write(`${arch}.gguf`, tinyLlamaGguf({ architecture: arch })));
    expect(error.code).toBe('unsupported_architecture');
    expect(error.message).toContain(arch);
  });

  it('refuses an implausible string length instead of allocating it', async () => {
    const bytes = Buffer.from(tinyLlamaGguf());
    bytes.writeBigUInt64LE(2n ** 60n, 24); // length of the first key
    const error = await refusal(write('huge.gguf', bytes));
    expect(error.code).toBe('malformed');
  });

  it('refuses an empty file', async () => {
    expect((await refusal(write('empty.gguf', Buffer.alloc(0)))).code).toBe('truncated');
  });

  it('refuses a missing file with a readable error', async () => {
    expect((await refusal(path.join(tmp.dir, 'absent.gguf'))).code).toBe('unreadable');
  });
});

describe('GGUF name tables', () => {
  it('cover every architecture, file type and tensor type of node-llama-cpp 3.21.1', () => {
    const enums = llamaCpp as unknown as Record<string, Record<string, string | number>>;
    const known = Object.values(enums['GgufArchitectureType'] ?? {}).filter((a) => a !== '(unknown)');
    expect(known.length).toBeGreaterThan(100);
    expect(new Set([...CHAT_ARCHITECTURES, ...NON_CHAT_ARCHITECTURES])).toEqual(new Set(known));
    const ft = enums['GgufFileType'] ?? {};
    for (const [id, name] of Object.entries(FILE_TYPE_NAMES)) expect(String(ft[id])).toContain(name);
    const gt = enums['GgmlType'] ?? {};
    for (const [id, name] of Object.entries(GGML_TYPE_NAMES)) expect(gt[id]).toBe(name);
  });
});
