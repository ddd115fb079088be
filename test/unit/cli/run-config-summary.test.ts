import { describe, expect, it } from 'vitest';
import { describeRun, formatScore, sampleRow } from '../../../main/cli/commands/run-summary.js';
import type { MetricRecord } from '../../../shared/metrics.js';
import type { RunDetail, SampleView } from '../../../shared/runs.js';

function record(
  scope: MetricRecord['scope'],
  scopeKey: string,
  value: number | null,
  ci = true,
): MetricRecord {
  return {
    scope,
    scopeKey,
    name: 'fidelity.percentile',
    value,
    provenance: {
      metric: 'fidelity.percentile',
      implementationVersion: '1',
      model: null,
      preprocessing: null,
      n: { images: 8 },
      seed: 0,
      settings: ci ? { ciLow: 0.25, ciHigh: 0.75 } : {},
      warnings: [],
    },
  };
}

const detail: RunDetail = {
  summary: {
    id: 'run-1',
    name: 'a draw run',
    kind: 'draw',
    status: 'finished',
    datasetId: 'ds-1',
    createdAt: '2026-01-02T03:04:05.000Z',
    finishedAt: null,
    counts: { samples: 3, renders: 3, rendersOk: 2 },
  },
  config: {},
  versions: null,
  parentRunId: 'run-0',
  jobId: 'job-1',
  byStatus: { samples: { done: 2, llm_error: 1, param_error: 0 }, renders: { ok: 2 } },
  metrics: [
    record('category', 'animals', 0.4),
    record('sample', '17', 0.9),
    record('run', 'run-1', 0.5),
    record('round', '2', null, false),
  ],
};

describe('how the CLI shows a run', () => {
  it('prints a score with its bootstrap interval, or alone, or a dash', () => {
    expect(formatScore(record('run', 'r', 0.5))).toBe('0.500 [0.250, 0.750]');
    expect(formatScore(record('run', 'r', 0.5, false))).toBe('0.500');
    expect(formatScore(record('run', 'r', null))).toBe('-');
  });

  it('lists counts by status (zeros left out) and aggregate scores run first, never per-sample ones', () => {
    const text = describeRun(detail);
    expect(text).toContain('samples   2 done, 1 llm_error\n');
    expect(text).toContain('parent    run-0\n');
    const table = text.slice(text.indexOf('SCOPE'));
    const scopes = table
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(/\s{2,}/)[0]);
    expect(scopes).toEqual(['run', 'round 2', 'category animals']);
    expect(table).not.toContain('0.900');
  });

  it('shows a sample by its concept text, with the error on one short line', () => {
    const sample: SampleView = {
      id: 7,
      conceptIdx: 0,
      conceptKey: 'k-0',
      text: 'a cat',
      category: 'animals',
      model: 'm',
      language: 'svg',
      strategy: 'repeat',
      sampleIndex: 1,
      round: 0,
      seed: 1,
      status: 'done',
      errorText: null,
      parentSampleId: null,
      args: null,
      code: null,
      response: null,
      render: {
        status: 'compile_error',
        error: `line 1\n${'x'.repeat(100)}`,
        imageHash: null,
        width: null,
        height: null,
      },
      fidelity: null,
      recognition: null,
    };
    const row = sampleRow(sample);
    expect(row.slice(0, 8)).toEqual(['7', 'a cat', 'm', 'svg', '1', '0', 'done', 'compile_error']);
    expect(row[10]).toHaveLength(60);
    expect(row[10]?.startsWith('line 1 xxx')).toBe(true);
  });
});
