import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../../main/cli/program.js';
import { tempDataDir } from '../../fixtures/data-dir.js';

/** Parses `vcheck …` in this process and returns what it printed (`--dry-run` never opens the engine). */
async function vcheck(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const program = buildProgram().exitOverride();
    program.commands.forEach((c) => c.exitOverride().commands.forEach((s) => s.exitOverride()));
    await program.parseAsync(['node', 'vcheck', ...args]);
  } catch (error) {
    stderr += `thrown: ${(error as Error).message}`;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout, stderr };
}

async function dryRun(...args: string[]): Promise<unknown> {
  const { stdout, stderr } = await vcheck(...args, '--dry-run');
  expect(stderr).toBe('');
  return JSON.parse(stdout) as unknown;
}

describe('vcheck run flags → run config', () => {
  const tmp = tempDataDir('vcheck-run-flags-');
  afterAll(() => tmp.cleanup());
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('draw: repeated --model with one endpoint, comma and repeated languages, sampling and metrics', async () => {
    const config = await dryRun(
      'run',
      'draw',
      '--dataset',
      'ds-1',
      '--model',
      'llama-a',
      '--model',
      'llama-b',
      '--endpoint',
      'http://127.0.0.1:8080/v1',
      '--concurrency',
      '2',
      '--language',
      'svg,p5js',
      '--language',
      'tikz',
      '--samples',
      '3',
      '--strategy',
      'param',
      '--settings',
      '2',
      '--temperature',
      '0.25',
      '--top-p',
      '0.5',
      '--max-tokens',
      '64',
      '--template',
      'draw-function@2',
      '--no-diversity',
      '--limit',
      '10',
    );
    const server = { provider: 'openai', endpoint: 'http://127.0.0.1:8080/v1', concurrency: 2 };
    expect(config).toEqual({
      kind: 'draw',
      datasetId: 'ds-1',
      models: [
        { ...server, model: 'llama-a' },
        { ...server, model: 'llama-b' },
      ],
      languages: ['svg', 'p5js', 'tikz'],
      samples: 3,
      strategy: 'param',
      settings: 2,
      sampling: { temperature: 0.25, topP: 0.5, maxTokens: 64 },
      template: { id: 'draw-function', version: 2 },
      metrics: { diversity: false },
      slice: { limit: 10 },
    });
  });

  it('draw: a GGUF path becomes absolute, a model id stays; --recorded labels samples with --model', async () => {
    const embedded = await dryRun(
      'run',
      'draw',
      '--dataset',
      'd',
      '--language',
      'svg',
      '--model',
      'm/tiny.gguf',
      '--model',
      'qwen-0.5b',
    );
    expect(embedded).toMatchObject({
      models: [
        { provider: 'embedded', model: path.resolve('m/tiny.gguf') },
        { provider: 'embedded', model: 'qwen-0.5b' },
      ],
    });
    const recorded = await dryRun(
      'run',
      'draw',
      '--dataset',
      'd',
      '--language',
      'svg',
      '--recorded',
      'a.jsonl',
    );
    expect(recorded).toMatchObject({ models: [{ provider: 'recorded', file: path.resolve('a.jsonl') }] });
    const labelled = await dryRun(
      'run',
      'draw',
      '--dataset',
      'd',
      '--language',
      'svg',
      '--recorded',
      'a.jsonl',
      '--model',
      'gpt-4',
    );
    expect(labelled).toMatchObject({
      models: [{ provider: 'recorded', file: path.resolve('a.jsonl'), label: 'gpt-4' }],
    });
  });

  it('a --config file gives the fields the flags do not', async () => {
    const file = path.join(tmp.dir, 'run.yaml');
    writeFileSync(
      file,
      'datasetId: from-file\nlanguages: [tikz]\nsamples: 5\nmodels:\n  - { provider: recorded, file: rec.jsonl }\n',
    );
    const config = await dryRun('run', 'draw', '--config', file, '--samples', '2', '--seed', '9');
    expect(config).toEqual({
      kind: 'draw',
      datasetId: 'from-file',
      languages: ['tikz'],
      samples: 2,
      seed: 9,
      models: [{ provider: 'recorded', file: path.join(tmp.dir, 'rec.jsonl') }],
    });
  });

  it('recognise: runs, files (PATH:LANGUAGE:CONCEPT) and drawings become inputs in that order', async () => {
    const config = await dryRun(
      'run',
      'recognise',
      '--from-run',
      'run-1',
      '--limit',
      '4',
      '--file',
      'a:b.svg:svg:a red: circle',
      '--drawings',
      'd1,d2',
      '--mode',
      'choice',
      '--candidates',
      '4',
      '--recorded',
      'r.jsonl',
    );
    expect(config).toMatchObject({
      kind: 'recognise',
      inputs: [
        { from: 'run', runId: 'run-1', limit: 4 },
        {
          from: 'files',
          files: [{ path: path.resolve('a:b.svg'), language: 'svg', concept: 'a red: circle' }],
        },
        { from: 'drawings', ids: ['d1', 'd2'] },
      ],
      mode: 'choice',
      candidates: 4,
    });
    const all = await dryRun('run', 'recognise', '--drawings', '--recorded', 'r.jsonl');
    expect(all).toMatchObject({ inputs: [{ from: 'drawings' }] });
  });

  it('correct: the source run, rounds and switches; models are optional', async () => {
    const config = await dryRun(
      'run',
      'correct',
      '--source',
      'run-9',
      '--rounds',
      '2',
      '--critique',
      '--feedback-errors',
      '--include-failed',
      '--limit',
      '5',
    );
    expect(config).toEqual({
      kind: 'correct',
      sourceRunId: 'run-9',
      rounds: 2,
      critique: true,
      feedbackErrors: true,
      onlyOk: false,
      limit: 5,
    });
  });

  it('rejects bad values with the option or the config field named, and runs nothing', async () => {
    const language = await vcheck('run', 'draw', '--language', 'svg,cobol', '--dry-run');
    expect(language.stderr).toMatch(/--language.*unknown language cobol/);
    const temperature = await vcheck('run', 'draw', '--temperature', 'hot', '--dry-run');
    expect(temperature.stderr).toMatch(/--temperature.*expected a number from 0 to 2/);
    const file = await vcheck('run', 'recognise', '--file', 'x.svg:svg', '--dry-run');
    expect(file.stderr).toMatch(/PATH:LANGUAGE:CONCEPT/);
    const missing = await vcheck('run', 'draw', '--language', 'svg', '--dry-run');
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(
      /vcheck: invalid draw run config \(the command-line flags\): .*datasetId.*\(--dataset\)/,
    );
    expect(process.exitCode).toBe(1);
  });
});
