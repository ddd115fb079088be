/** A real engine on a temp data dir behind a real web server, plus a raw HTTP client for tests. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import { startWebServer, type WebServer, type WebServerOptions } from '../../../main/server/server.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { seedStore } from '../../fixtures/seed.js';

/** Everything one test needs; `close` stops the server, the engine and removes the temp dirs. */
export interface WebFixture {
  readonly dataDir: string;
  readonly staticDir: string;
  readonly engine: Engine;
  readonly server: WebServer;
  readonly imageHashes: ReadonlyArray<string>;
  close(): Promise<void>;
}

/** Seeds runs and images, writes a tiny built UI (and a secret file next to it), starts the server. */
export async function startWebFixture(options: Partial<WebServerOptions> = {}): Promise<WebFixture> {
  const temp = tempDataDir('vcheck-web-');
  const dataDir = path.join(temp.dir, 'data');
  const staticDir = path.join(temp.dir, 'ui');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>vcheck test ui</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app-1234.js'), 'console.log("app");');
  writeFileSync(path.join(temp.dir, 'secret.txt'), 'TOP SECRET');
  const { imageHashes } = seedStore(dataDir, { runs: 2, images: 2 });
  const engine = await openEngine({ dataDir });
  const server = await startWebServer({ engine, staticDir, ...options });
  return {
    dataDir,
    staticDir,
    engine,
    server,
    imageHashes,
    close: async () => {
      await server.close();
      await engine.close();
      temp.cleanup();
    },
  };
}

/** A response as the tests look at it. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
  json(): unknown;
}

/** Sends a request exactly as given (raw path, any Host header), unlike fetch which normalises. */
export function rawRequest(
  port: number,
  target: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: target, method: init.method ?? 'GET', headers: init.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: () => JSON.parse(body.toString('utf8')) as unknown,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** POSTs a contract call with the bearer token (or the given authorization). */
export function apiCall(
  fixture: WebFixture,
  name: string,
  body: unknown,
  authorization = `Bearer ${fixture.server.token}`,
): Promise<RawResponse> {
  return rawRequest(fixture.server.port, `/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: authorization },
    body: JSON.stringify(body),
  });
}
