/**
 * A recording of model answers: JSONL lines with `prompt` and `response` (other fields, such as the
 * sample files' `id`, `concept` and `language`, are ignored), read from one file or from every
 * `*.jsonl` file of a folder in name order. Answers are grouped by their prompt, trimmed, in file
 * order; the recording's hash covers the file names and bytes, so an edited recording is a
 * different model for the response cache.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Answers of a recording, by trimmed prompt. */
export interface Recording {
  readonly file: string;
  readonly sha256: string;
  readonly answers: ReadonlyMap<string, ReadonlyArray<string>>;
}

function filesOf(file: string): string[] {
  if (!statSync(file).isDirectory()) return [file];
  return readdirSync(file)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => path.join(file, name));
}

function parseLine(line: string, where: string): { prompt: string; response: string } | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Error(`${where}: not JSON`);
  }
  const { prompt, response } = (value ?? {}) as { prompt?: unknown; response?: unknown };
  if (typeof prompt !== 'string' || typeof response !== 'string')
    throw new Error(`${where}: a recorded answer needs string "prompt" and "response" fields`);
  return { prompt, response };
}

/** Reads a recording (a JSONL file or a folder of them); throws on a malformed line. */
export function readRecording(file: string): Recording {
  const resolved = path.resolve(file);
  const hash = createHash('sha256');
  const answers = new Map<string, string[]>();
  for (const each of filesOf(resolved)) {
    const bytes = readFileSync(each);
    hash.update(`${path.basename(each)}\u0000${bytes.length}\u0000`).update(bytes);
    bytes
      .toString('utf8')
      .split('\n')
      .forEach((line, i) => {
        const entry = parseLine(line, `${path.basename(each)}:${i + 1}`);
        if (!entry) return;
        const key = entry.prompt.trim();
        const list = answers.get(key) ?? [];
        list.push(entry.response);
        answers.set(key, list);
      });
  }
  return { file: resolved, sha256: hash.digest('hex'), answers };
}
