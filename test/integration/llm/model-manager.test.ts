import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GgufError } from '../../../main/llm/gguf/gguf-error.js';
import { DownloadError, downloadFile } from '../../../main/llm/models/download-file.js';
import { ModelManager } from '../../../main/llm/models/model-manager.js';
import { LlmModelsRepo } from '../../../main/store/repos/llm-models-repo.js';
import { openStore, type Store } from '../../../main/store/store.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { tinyLlamaGguf, writeTinyLlama } from '../../fixtures/gguf/tiny-llama.js';

const model = tinyLlamaGguf();
const sha256 = createHash('sha256').update(model).digest('hex');

/** A file server with Range support that can cut transfers short or corrupt a byte. */
interface FileServer {
  url: string;
  ranges: Array<string | undefined>;
  cutAfter: number[];
  corrupt: boolean;
  linkedEtag: string | null;
  close(): Promise<void>;
}

async function startFileServer(bytes: Buffer): Promise<FileServer> {
  const state: Omit<FileServer, 'url' | 'close'> = {
    ranges: [],
    cutAfter: [],
    corrupt: false,
    linkedEtag: null,
  };
  const server: Server = createServer((req, res) => {
    state.ranges.push(req.headers.range);
    const body = Buffer.from(bytes);
    if (state.corrupt) body.writeUInt8(body.readUInt8(body.length - 100) ^ 0xff, body.length - 100);
    const start = Number(/bytes=(\d+)-/.exec(req.headers.range ?? '')?.[1] ?? 0);
    if (start >= body.length) return void res.writeHead(416).end();
    const headers = {
      'content-length': String(body.length - start),
      ...(state.linkedEtag ? { 'x-linked-etag': `"${state.linkedEtag}"` } : {}),
    };
    if (start > 0)
      res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` });
    else res.writeHead(200, headers);
    const cut = state.cutAfter.shift();
    if (cut === undefined) return void res.end(body.subarray(start));
    res.write(body.subarray(start, start + cut), () => setTimeout(() => res.socket?.destroy(), 20));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const fs = state as FileServer;
  fs.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/models/tiny-model.gguf`;
  fs.close = () => new Promise((r) => (server.closeAllConnections(), server.close(() => r())));
  return fs;
}

const tmp = tempDataDir('vcheck-models-');
let store: Store;
let manager: ModelManager;
let files: FileServer;
beforeAll(async () => {
  store = openStore({ dataDir: tmp.dir });
  manager = new ModelManager(new LlmModelsRepo(store.db), tmp.dir);
  files = await startFileServer(model);
});
afterEach(() => {
  files.ranges.length = 0;
  files.cutAfter.length = 0;
  files.corrupt = false;
  files.linkedEtag = null;
});
afterAll(async () => {
  await files.close();
  store.close();
  tmp.cleanup();
});

describe('model manager: import', () => {
  it('imports by reference and by copy, shows the header facts, removes only its own copies', async () => {
    const source = writeTinyLlama(path.join(tmp.dir, 'elsewhere'), 'mine.gguf');
    const referenced = await manager.import(source);
    expect(referenced).toMatchObject({
      id: sha256.slice(0, 12),
      path: source,
      storage: 'reference',
      status: 'ready',
      sha256,
    });
    expect(referenced.info).toMatchObject({ architecture: 'llama', quantisation: 'F32', contextLength: 512 });
    expect(referenced.memory?.fits).toBe(true);
    expect((await manager.remove(referenced.id)).deletedFile).toBeNull();
    expect(existsSync(source)).toBe(true);

    const copied = await manager.import(source, { copy: true });
    expect(path.dirname(copied.path)).toBe(manager.modelsDir);
    expect(readFileSync(copied.path).equals(model)).toBe(true);
    expect(manager.list().map((m) => m.id)).toEqual([copied.id]);
    expect(manager.get(copied.id.slice(0, 6)).id).toBe(copied.id);
    await manager.remove(copied.id);
    expect(existsSync(copied.path)).toBe(false);
    expect(manager.list()).toEqual([]);
  });

  it('refuses a bad file with a clear error and stores nothing', async () => {
    const bad = path.join(tmp.dir, 'bad.gguf');
    writeFileSync(bad, model.subarray(0, 64));
    await expect(manager.import(bad)).rejects.toBeInstanceOf(GgufError);
    expect(manager.list()).toEqual([]);
  });
});

describe('model manager: download', () => {
  it('resumes an interrupted transfer with a Range request and verifies the sha256', async () => {
    files.cutAfter.push(100_000);
    const progress: number[] = [];
    const { model: pulled, verifiedAgainst } = await manager.pull(
      { url: files.url, expectedSha256: sha256 },
      undefined,
      (p) => progress.push(p.receivedBytes),
    );
    expect(files.ranges).toEqual([undefined, 'bytes=100000-']);
    expect(pulled).toMatchObject({
      id: sha256.slice(0, 12),
      status: 'ready',
      storage: 'download',
      sha256,
      name: 'tiny-model.gguf',
    });
    expect(readFileSync(pulled.path).equals(model)).toBe(true);
    expect(progress.at(-1)).toBe(model.length);
    expect(verifiedAgainst).toBe('known');
    await manager.remove(pulled.id);
  });

  it('marks a corrupted download failed and keeps the file for inspection', async () => {
    files.corrupt = true;
    await expect(manager.pull({ url: files.url, expectedSha256: sha256 })).rejects.toThrow('sha256 mismatch');
    const [failed] = manager.list();
    expect(failed).toMatchObject({ status: 'failed', storage: 'download' });
    expect(failed?.error).toContain('sha256 mismatch');
    expect(statSync(failed?.path ?? '').size).toBe(model.length);
    await manager.remove(failed?.id ?? '');
  });

  it('keeps the received bytes when every attempt fails, and a later pull resumes from them', async () => {
    const file = path.join(tmp.dir, 'resume', 'm.gguf');
    writeTinyLlama(path.dirname(file), 'unused.gguf');
    files.cutAfter.push(50_000, 50_000);
    const error = await downloadFile({
      url: files.url,
      file,
      expectedSha256: sha256,
      maxAttempts: 2,
      retryDelayMs: 10,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect(statSync(`${file}.part`).size).toBe(100_000);
    files.ranges.length = 0;
    const outcome = await downloadFile({ url: files.url, file, expectedSha256: sha256, retryDelayMs: 10 });
    expect(files.ranges).toEqual(['bytes=100000-']);
    expect(outcome).toEqual({ sha256, sizeBytes: model.length, verifiedAgainst: 'known' });
  });

  it('verifies against the server’s LFS hash (X-Linked-Etag) when none is known', async () => {
    files.linkedEtag = sha256;
    const outcome = await downloadFile({
      url: files.url,
      file: path.join(tmp.dir, 'etag.gguf'),
      expectedSha256: null,
    });
    expect(outcome.verifiedAgainst).toBe('server');
    files.linkedEtag = 'f'.repeat(64);
    const error = await downloadFile({
      url: files.url,
      file: path.join(tmp.dir, 'etag2.gguf'),
      expectedSha256: null,
    }).catch((e: unknown) => e);
    expect((error as DownloadError).code).toBe('checksum');
  });
});
