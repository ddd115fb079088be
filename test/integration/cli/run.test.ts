import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunDetail, SamplePage, SampleView } from '../../../shared/runs.js';
import { RecordedProvider } from '../../../main/llm/recorded/recorded-provider.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import {
  conceptTexts,
  writeConceptLines,
  writeSvgRecording,
} from '../../fixtures/experiments/cli/draw-inputs.js';
import { startOpenAiServer } from '../../fixtures/openai-server.js';
import { finished, runCli, spawnCli, type CliRun } from './cli-process.js';

/** Concepts of the dataset: the small runs take a slice, the interrupted one takes them all (600 items). */
const CONCEPTS = conceptTexts(300);
/** Each test starts a few CLI processes (a few seconds each; far more on a busy machine). */
const SLOW = 150_000;

function json<T>(run: CliRun): T {
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

const sampleKey = (s: SampleView): string =>
  `${s.conceptIdx}|${s.model}|${s.language}|${s.sampleIndex}|${s.round}`;

describe('vcheck run draw and vcheck runs', () => {
  const tmp = tempDataDir('vcheck-run-cli-');
  const cli = (...args: string[]) => runCli(['--data-dir', tmp.dir, ...args]);
  const quiet = ['--size', '64', '--no-fidelity', '--no-diversity'];
  let datasetId = '';
  let recording = '';
  let firstRun = '';

  beforeAll(async () => {
    const inputs = path.join(tmp.dir, 'inputs');
    mkdirSync(inputs);
    recording = writeSvgRecording(inputs, CONCEPTS);
    const imported = await cli('datasets', 'import', 'lines', writeConceptLines(inputs, CONCEPTS), '--json');
    datasetId = json<{ id: string }>(imported).id;
  });
  afterAll(() => tmp.cleanup());

  it(
    '--config run.yaml with a flag over it: --json prints exactly { runId }, runs show --json has the counts',
    async () => {
      const configs = path.join(tmp.dir, 'configs');
      mkdirSync(configs);
      const file = path.join(configs, 'run.yaml');
      writeFileSync(
        file,
        [
          `datasetId: ${datasetId}`,
          'models: [{ provider: recorded, file: ../inputs/answers.jsonl, label: rec }]',
          'languages: [svg]',
          'slice: { limit: 4 }',
          'samples: 3',
          'renderSize: 64',
          'metrics: { fidelity: false, diversity: false }',
        ].join('\n'),
      );
      const created = json<Record<string, unknown>>(
        await cli('run', 'draw', '--config', file, '--samples', '2', '--json'),
      );
      expect(Object.keys(created)).toEqual(['runId']);
      firstRun = String(created['runId']);

      const run = json<RunDetail>(await cli('runs', 'show', firstRun, '--json'));
      expect(run.summary).toMatchObject({ id: firstRun, kind: 'draw', status: 'finished', datasetId });
      expect(run.byStatus).toEqual({ samples: { done: 8 }, renders: { ok: 8 } });
      expect(run.config).toMatchObject({
        samples: 2,
        models: [{ provider: 'recorded', file: recording, label: 'rec' }],
      });
    },
    SLOW,
  );

  it(
    'Ctrl-C during run draw cancels it with a resume hint; runs resume finishes exactly the rest',
    async () => {
      const child = spawnCli([
        '--data-dir',
        tmp.dir,
        'run',
        'draw',
        '--dataset',
        datasetId,
        '--recorded',
        recording,
        '--language',
        'svg',
        '--samples',
        '2',
        ...quiet,
      ]);
      child.stdin.end();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        // The first progress line means the run's job is under way: Ctrl-C now must cancel, not kill.
        if (/^draw: /m.test(stderr) && !child.killed) child.kill('SIGINT');
      });
      const stopped = await finished(child);
      expect(stopped.code, stopped.stderr).toBe(130);
      const hint = /continue it with: vcheck runs resume (\S+)/.exec(stopped.stderr);
      expect(hint, stopped.stderr).not.toBeNull();
      const runId = hint?.[1] ?? '';

      const before = json<SamplePage>(await cli('runs', 'samples', runId, '--limit', '1000', '--json'));
      expect(before.total).toBeLessThan(600);
      const resumed = json<{ runId: string }>(await cli('runs', 'resume', runId, '--json'));
      expect(resumed).toEqual({ runId });

      const after = json<SamplePage>(await cli('runs', 'samples', runId, '--limit', '1000', '--json'));
      expect(after.total).toBe(600);
      expect(new Set(after.samples.map(sampleKey)).size).toBe(600);
      const afterById = new Map(after.samples.map((s) => [s.id, s]));
      // Finished before the interrupt means never redone: same row id, same key, same answer.
      for (const sample of before.samples) {
        expect(afterById.get(sample.id)).toEqual(sample);
      }
      const run = json<RunDetail>(await cli('runs', 'show', runId, '--json'));
      expect(run.summary.status).toBe('finished');
    },
    SLOW,
  );

  it(
    'runs rerun --set makes a new run with the changes and the old run as its parent',
    async () => {
      // Without --json the finished run is printed for people.
      const rerun = await cli('runs', 'rerun', firstRun, '--set', 'samples=1', '--set', 'slice.limit=3');
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stdout).toMatch(/^Run \S+ {2}.*\n\s+kind\s+draw\n\s+status\s+finished\n/);
      expect(rerun.stdout).toMatch(/samples\s+3 done/);
      const runId = /^Run (\S+)/.exec(rerun.stdout)?.[1] ?? '';
      expect(runId).not.toBe(firstRun);
      const run = json<RunDetail>(await cli('runs', 'show', runId, '--json'));
      expect(run.parentRunId).toBe(firstRun);
      expect(run.config).toMatchObject({ samples: 1, slice: { limit: 3 } });
      expect(run.byStatus.samples).toEqual({ done: 3 });
    },
    SLOW,
  );

  it(
    'runs export writes the samples as JSONL, runs report one HTML file with the images in it',
    async () => {
      const out = path.join(tmp.dir, 'export', 'samples.jsonl');
      const written = json<{ samples: number; path: string }>(
        await cli('runs', 'export', firstRun, '--format', 'jsonl', '-o', out, '--json'),
      );
      expect(written.samples).toBe(8);
      const lines = readFileSync(out, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(8);
      expect(lines.map((l) => (JSON.parse(l) as { language: string }).language)).toEqual(
        Array(8).fill('svg'),
      );

      const html = path.join(tmp.dir, 'report', 'report.html');
      const report = await cli('runs', 'report', firstRun, '-o', html);
      expect(report.code, report.stderr).toBe(0);
      expect(report.stdout).toContain(`Wrote ${html}`);
      const page = readFileSync(html, 'utf8');
      expect(page).toMatch(/^<!doctype html>/i);
      expect(page.match(/data:image\/png;base64,/g)?.length ?? 0).toBeGreaterThanOrEqual(8);
    },
    SLOW,
  );

  it(
    '--detach returns at once with the run id; another process cannot resume it, but runs pause pauses it there (a stop request through the store)',
    async () => {
      // A loopback server answering one request per 200 ms (600 requests): still running when the
      // second resume and the pause arrive, however slow the machine.
      const server = await startOpenAiServer(new RecordedProvider(recording), {
        modelName: 'rec',
        answerDelayMs: 200,
      });
      try {
        const model = ['--endpoint', server.url, '--model', 'rec', '--concurrency', '1'];
        const args = ['--dataset', datasetId, ...model, '--language', 'svg', '--samples', '2'];
        const started = json<{ runId: string }>(
          await cli('run', 'draw', ...args, ...quiet, '--detach', '--json'),
        );
        const twice = await cli('runs', 'resume', started.runId);
        expect(twice.code).toBe(1);
        expect(twice.stderr).toMatch(/is already running/);
        const paused = await cli('runs', 'pause', started.runId);
        expect(paused.code, paused.stderr).toBe(0);
        expect(paused.stdout).toContain(`Run ${started.runId}: paused`);

        const run = json<RunDetail>(await cli('runs', 'show', started.runId, '--json'));
        expect(run.summary.status).toBe('paused');
        expect(run.summary.counts.samples).toBeLessThan(600);
        const logs = path.join(tmp.dir, 'logs');
        const log = readdirSync(logs)
          .filter((f) => f.endsWith('.log'))
          .map((f) => readFileSync(path.join(logs, f), 'utf8'))
          .join('');
        expect(log).toContain(
          `run ${started.runId} paused; continue it with: vcheck runs resume ${started.runId}`,
        );
      } finally {
        await server.close();
      }
    },
    SLOW,
  );
});
