import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { tinyLlamaParameters, TINY_LLAMA, writeTinyLlama } from '../../fixtures/gguf/tiny-llama.js';
import { runCli } from '../cli/cli-process.js';

const tmp = tempDataDir('vcheck-cli-llm-');
const dataDir = path.join(tmp.dir, 'data');
let file = '';
let sha256 = '';
let server: Server;
let url = '';
const vcheck = (...args: string[]) => runCli(['--data-dir', dataDir, ...args], { VCHECK_THREADS: '1' });

beforeAll(async () => {
  file = writeTinyLlama(tmp.dir, 'tiny.gguf');
  sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  server = createServer((_req, res) => res.writeHead(200).end(readFileSync(file)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x/pulled.gguf`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  tmp.cleanup();
});

describe('vcheck models and vcheck llm', () => {
  it('imports a GGUF and prints the JSON scripts rely on', async () => {
    const run = await vcheck('models', 'import', file, '--json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      id: sha256.slice(0, 12),
      architecture: 'llama',
      parameters: tinyLlamaParameters(),
      quantisation: 'F32',
      contextLength: TINY_LLAMA.contextLength,
      sha256,
    });
    const info = await vcheck('models', 'info', sha256.slice(0, 8));
    expect(info.stdout).toContain('architecture llama');
    expect(info.stdout).toContain('memory at 512 tokens');
  });

  it('answers with `llm ask`, the same text twice at temperature 0', async () => {
    const ask = async (model: string) => {
      const run = await vcheck(
        'llm',
        'ask',
        '--model',
        model,
        '--max-tokens',
        '8',
        '--temperature',
        '0',
        '--seed',
        '3',
        '--json',
        'draw a cat',
      );
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout) as {
        text: string;
        params: object;
        backend: string;
        completionTokens: number;
        modelPath: string;
      };
    };
    const [byId, byPath] = [await ask(sha256.slice(0, 12)), await ask(file)];
    expect(byPath.text).toBe(byId.text);
    expect(byId.params).toMatchObject({ seed: 3, maxTokens: 8, temperature: 0 });
    expect(byId.backend).toBe('cpu');
    expect(byId.completionTokens).toBeLessThanOrEqual(8);
    expect(byId.modelPath).toBe(file);
  });

  it('refuses a bad model file with one clear line', async () => {
    const bad = await vcheck('models', 'import', path.join(process.cwd(), 'package.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Not a GGUF file');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('pulls a model as a job, then removes it with its file', async () => {
    const run = await vcheck('models', 'pull', url, '--sha256', sha256, '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { id: string; path: string; verifiedAgainst: string };
    expect(result).toMatchObject({ kind: 'models.pull', sha256, verifiedAgainst: 'known' });
    expect(path.dirname(result.path)).toBe(path.join(dataDir, 'models'));
    const rm = await vcheck('models', 'rm', result.id);
    expect(rm.stdout).toContain(`deleted ${result.path}`);
  });
});
