import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../../main/experiments/engine/circuit-breaker.js';
import { LaneGate } from '../../../../main/experiments/engine/lane-gate.js';
import { runUnits } from '../../../../main/experiments/engine/unit-scheduler.js';
import { mergeChanges } from '../../../../main/experiments/runs/merge-changes.js';
import type { ItemRecord } from '../../../../main/store/repos/samples-repo.js';

const tick = (ms = 2) => new Promise((resolve) => setTimeout(resolve, ms));

function item(status: string, errorText: string | null = null, asked = true): ItemRecord {
  const generation = {
    provider: 'openai',
    modelId: 'm',
    prompt: 'p',
    messages: [],
    rawResponse: status === 'llm_error' ? null : 'answer',
    finishReason: null,
    promptTokens: null,
    completionTokens: null,
    ttftMs: null,
    durationMs: null,
    params: {},
    templateVersion: 'draw@1',
    cacheKey: null,
    cached: false,
    errorText,
  };
  return {
    ...(asked ? { generation } : {}),
    sample: {
      runId: 'r',
      datasetId: null,
      conceptIdx: 0,
      model: 'm',
      language: 'svg',
      strategy: 'repeat',
      sampleIndex: 0,
      round: 0,
      seed: 0,
      status,
      errorText,
    },
  };
}

describe('unit scheduler', () => {
  it('keeps at most `limit` units in flight and runs every unit once, in plan order', async () => {
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    await runUnits({
      units: Array.from({ length: 20 }, (_, i) => i),
      limit: 3,
      signal: new AbortController().signal,
      execute: async (unit) => {
        started.push(unit);
        most = Math.max(most, ++inFlight);
        await tick(1 + (unit % 3));
        inFlight -= 1;
      },
    });
    expect(most).toBe(3);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('starts nothing after an abort and waits for the units in flight before it rejects', async () => {
    const controller = new AbortController();
    const finished: number[] = [];
    const run = runUnits({
      units: [0, 1, 2, 3, 4, 5],
      limit: 2,
      signal: controller.signal,
      execute: async (unit) => {
        if (unit === 1) controller.abort();
        await tick(5);
        finished.push(unit);
      },
    });
    await expect(run).rejects.toThrow();
    expect(finished.sort()).toEqual([0, 1]);
  });
});

describe('lane gate', () => {
  it('bounds calls and reports how long they waited for a slot', async () => {
    const waits: number[] = [];
    const gate = new LaneGate(2, (ms) => waits.push(ms));
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        gate.run(async () => {
          most = Math.max(most, gate.inUse);
          await tick(10);
        }),
      ),
    );
    expect(most).toBe(2);
    expect(waits).toHaveLength(6);
    expect(waits.filter((ms) => ms >= 8).length).toBeGreaterThanOrEqual(4);
  });

  it('stops waiting when the signal aborts', async () => {
    const gate = new LaneGate(1);
    const hold = gate.run(() => tick(30));
    const controller = new AbortController();
    const waiting = gate.run(() => Promise.resolve('ran'), controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
    await hold;
    expect(gate.inUse).toBe(0);
  });
});

describe('circuit breaker', () => {
  it('trips after 5 consecutive units that failed at the model, with the last error', () => {
    const breaker = new CircuitBreaker();
    for (let i = 0; i < 4; i++) expect(breaker.record([item('llm_error', `down ${i}`)])).toBe(false);
    expect(breaker.record([item('done')])).toBe(false); // a working unit resets the count
    for (let i = 0; i < 4; i++) breaker.record([item('llm_error', `down ${i}`), item('llm_error', 'last')]);
    expect(breaker.tripped).toBe(false);
    expect(breaker.record([item('llm_error', 'server gone')])).toBe(true);
    expect(breaker.record([item('done')])).toBe(true); // sticky
    expect(breaker.message()).toMatch(/5 consecutive units.*server gone/);
  });

  it('ignores items that did not ask the model (a self-correct round 0 copy)', () => {
    const breaker = new CircuitBreaker(2);
    breaker.record([item('done', null, false), item('llm_error', 'down')]);
    breaker.record([item('done', null, false), item('llm_error', 'down')]);
    expect(breaker.tripped).toBe(true);
  });

  it('does not count a unit with any sample that worked', () => {
    const breaker = new CircuitBreaker(2);
    breaker.record([item('llm_error'), item('done')]);
    breaker.record([item('llm_error'), item('done')]);
    expect(breaker.tripped).toBe(false);
  });
});

describe('re-run changes (JSON merge patch)', () => {
  it('merges objects, replaces arrays and values, and removes keys set to null', () => {
    const base = { samples: 2, languages: ['svg', 'tikz'], slice: { offset: 3, limit: 5 }, seed: 1 };
    const merged = mergeChanges(base, { languages: ['p5js'], slice: { limit: null }, seed: 4 });
    expect(merged).toEqual({ samples: 2, languages: ['p5js'], slice: { offset: 3 }, seed: 4 });
    expect(base).toEqual({ samples: 2, languages: ['svg', 'tikz'], slice: { offset: 3, limit: 5 }, seed: 1 });
  });
});
