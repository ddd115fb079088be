/** What a GGUF model is, read from its header only: the facts the model manager shows and stores. */
import { open } from 'node:fs/promises';
import type { ModelHeaderFacts } from '../../../shared/llm.js';
import { GgufError } from './gguf-error.js';
import {
  CHAT_ARCHITECTURES,
  FILE_TYPE_NAMES,
  GGML_TYPE_NAMES,
  NON_CHAT_ARCHITECTURES,
} from './gguf-names.js';
import { NeedMoreBytes, parseGgufHeader, type GgufHeader, type GgufValue } from './gguf-reader.js';

/** The header facts of one model file (the same shape the faces see). */
export type GgufModelInfo = ModelHeaderFacts;

const FIRST_READ = 1 << 20;
const MAX_HEADER = 512 << 20;

/** Reads and parses the header of `file`, reading more only while the header needs it. */
export async function readGgufHeader(file: string): Promise<{ header: GgufHeader; fileBytes: number }> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new GgufError('unreadable', `Cannot open ${file}: ${(error as Error).message}`);
  }
  try {
    const fileBytes = (await handle.stat()).size;
    for (let size = FIRST_READ; ; size *= 4) {
      const want = Math.min(size, fileBytes, MAX_HEADER);
      const buf = Buffer.alloc(want);
      const { bytesRead } = await handle.read(buf, 0, want, 0);
      try {
        return { header: parseGgufHeader(buf.subarray(0, bytesRead), bytesRead >= fileBytes), fileBytes };
      } catch (error) {
        if (!(error instanceof NeedMoreBytes)) throw error;
        if (want >= MAX_HEADER) throw new GgufError('malformed', 'The GGUF header is larger than 512 MiB.');
      }
    }
  } finally {
    await handle.close();
  }
}

const num = (v: GgufValue | undefined): number | null => (typeof v === 'number' ? v : null);
const str = (v: GgufValue | undefined): string | null => (typeof v === 'string' ? v : null);

function quantisation(header: GgufHeader): string {
  const fileType = num(header.metadata.get('general.file_type'));
  if (fileType !== null) return FILE_TYPE_NAMES[fileType] ?? `file type ${fileType}`;
  const counts = new Map<number, number>();
  for (const t of header.tensors) counts.set(t.type, (counts.get(t.type) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  return top ? (GGML_TYPE_NAMES[top[0]] ?? `type ${top[0]}`) : 'unknown';
}

/** Derives the model facts from a parsed header. */
export function ggufModelInfo(header: GgufHeader, fileBytes: number): GgufModelInfo {
  const arch = str(header.metadata.get('general.architecture'));
  if (arch === null) throw new GgufError('malformed', 'The GGUF header has no general.architecture.');
  const key = (k: string): number | null => num(header.metadata.get(`${arch}.${k}`));
  const parameters = header.tensors.reduce((sum, t) => sum + t.dims.reduce((a, b) => a * b, 1), 0);
  return {
    version: header.version,
    architecture: arch,
    name: str(header.metadata.get('general.name')),
    parameters,
    quantisation: quantisation(header),
    contextLength: key('context_length'),
    chatTemplate: str(header.metadata.get('tokenizer.chat_template')),
    tensorCount: header.tensors.length,
    blockCount: key('block_count'),
    embeddingLength: key('embedding_length'),
    headCount: key('attention.head_count'),
    headCountKv: key('attention.head_count_kv') ?? key('attention.head_count'),
    fileBytes,
  };
}

/** Refuses architectures the bundled llama.cpp cannot chat with, naming the architecture. */
export function assertChatArchitecture(info: GgufModelInfo): void {
  if (CHAT_ARCHITECTURES.has(info.architecture)) return;
  const why = NON_CHAT_ARCHITECTURES.has(info.architecture)
    ? 'is an embedding or audio model, not a chat model'
    : 'is not supported by the bundled llama.cpp (node-llama-cpp 3.21.1)';
  throw new GgufError('unsupported_architecture', `Architecture "${info.architecture}" ${why}.`);
}

/** A file cut after its header still parses: check that the last tensor starts inside the file. */
function assertTensorDataPresent(header: GgufHeader, fileBytes: number): void {
  const alignment = num(header.metadata.get('general.alignment')) ?? 32;
  const dataStart = Math.ceil(header.headerBytes / alignment) * alignment;
  const lastOffset = header.tensors.reduce((max, t) => (t.offset > max ? t.offset : max), 0n);
  if (header.tensors.length > 0 && BigInt(dataStart) + lastOffset >= BigInt(fileBytes)) {
    throw new GgufError('truncated', 'The file ends before its tensor data (truncated download?).');
  }
}

/** Reads a GGUF file's model facts and checks that it can be used for chat. */
export async function readGgufModelInfo(file: string): Promise<GgufModelInfo> {
  const { header, fileBytes } = await readGgufHeader(file);
  const info = ggufModelInfo(header, fileBytes);
  assertTensorDataPresent(header, fileBytes);
  assertChatArchitecture(info);
  return info;
}
