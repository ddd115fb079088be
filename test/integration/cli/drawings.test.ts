import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DrawingView, RunDetail } from '../../../shared/runs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { runCli, type CliRun } from './cli-process.js';

function json<T>(run: CliRun): T {
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

const RECOGNISE = 'What does the following piece of code generate?\n\n';
const circle =
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="20" fill="red"/></svg>\n';
const square =
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect x="12" y="12" width="40" height="40" fill="blue"/></svg>\n';

describe('vcheck drawings and run recognise --drawings', () => {
  const tmp = tempDataDir('vcheck-drawings-cli-');
  const cli = (...args: string[]) => runCli(['--data-dir', tmp.dir, ...args]);
  afterAll(() => tmp.cleanup());

  it('stores drawings from code files, lists them, and a recognise run scores answers about them', async () => {
    const write = (name: string, text: string): string => {
      const file = path.join(tmp.dir, name);
      writeFileSync(file, text);
      return file;
    };
    const added = await cli(
      'drawings',
      'add',
      write('circle.svg', circle),
      '--concept',
      'a red circle',
      '--category',
      'shapes',
      '--language',
      'svg',
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^Stored drawing \S+ \(svg\): a red circle$/m);
    const second = json<DrawingView>(
      await cli(
        'drawings',
        'add',
        write('square.svg', square),
        '--concept',
        'a blue square',
        '--language',
        'svg',
        '--json',
      ),
    );
    expect(second).toMatchObject({ concept: 'a blue square', language: 'svg', code: square, category: null });

    const list = json<DrawingView[]>(await cli('drawings', 'list', '--json'));
    expect(list.map((d) => d.concept).sort()).toEqual(['a blue square', 'a red circle']);

    // One answer names the drawing's concept, the other does not: accuracy 1 of 2.
    const recording = write(
      'answers.jsonl',
      [
        { prompt: RECOGNISE + circle, response: 'This draws a red circle.' },
        { prompt: RECOGNISE + square, response: 'A tall green tree.' },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    const started = json<{ runId: string }>(
      await cli(
        'run',
        'recognise',
        '--drawings',
        '--recorded',
        recording,
        '--mode',
        'free',
        '--no-fidelity',
        '--no-diversity',
        '--json',
      ),
    );
    const run = json<RunDetail>(await cli('runs', 'show', started.runId, '--json'));
    expect(run.summary).toMatchObject({ kind: 'recognise', status: 'finished' });
    expect(run.byStatus.samples).toEqual({ done: 2 });
    const accuracy = run.metrics.find((m) => m.scope === 'run' && m.name === 'recognition.free.accuracy');
    expect(accuracy?.value).toBe(1 / 2);
  }, 150_000);

  it('refuses a drawing in a language the pad does not store, naming the choices', async () => {
    const refused = await cli('drawings', 'add', 'x.py', '--concept', 'a cat', '--language', 'matplotlib');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/--language.*processing, svg/);
  });
});
