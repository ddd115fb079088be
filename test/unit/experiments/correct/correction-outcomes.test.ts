import { describe, expect, it } from 'vitest';
import {
  correctionOutcomeRecords,
  outcomeOf,
  STAYED_TOLERANCE,
} from '../../../../main/experiments/correct/correction-outcomes.js';
import type { CorrectionTrajectory } from '../../../../main/experiments/correct/trajectory.js';

function trajectory(fidelity: ReadonlyArray<number | null>): CorrectionTrajectory {
  return {
    sourceSampleId: 1,
    sampleIndex: 0,
    datasetId: 'd',
    conceptIdx: 0,
    conceptKey: 'k',
    text: 't',
    category: 'c',
    model: 'm',
    language: 'svg',
    rounds: fidelity.map((f, round) => ({
      round,
      sampleId: round + 1,
      status: 'done',
      code: 'x',
      imageHash: null,
      renderStatus: 'ok',
      renderError: null,
      fidelity: f,
      diff: null,
    })),
  };
}

const basis = { model: null, preprocessing: null };

describe('improved / stayed / worse', () => {
  it('classifies a move by the tolerance', () => {
    expect(outcomeOf(50, 50 + STAYED_TOLERANCE)).toBe('stayed');
    expect(outcomeOf(50, 50 - STAYED_TOLERANCE)).toBe('stayed');
    expect(outcomeOf(50, 51)).toBe('improved');
    expect(outcomeOf(50, 49)).toBe('worse');
  });

  it('stores the fractions of the run (last round vs 0) and of each round vs the one before', () => {
    const runs = [
      trajectory([10, 20, 30]),
      trajectory([50, 40, 50]),
      trajectory([90, 90, 10]),
      trajectory([5, null, 5]),
    ];
    const records = correctionOutcomeRecords('run-1', runs, basis, 2);
    const value = (scope: string, key: string, name: string) =>
      records.find((r) => r.scope === scope && r.scopeKey === key && r.name === name)?.value;
    // Run: +20, 0, −80, 0 → 1 improved, 2 stayed, 1 worse of 4.
    expect(value('run', 'run-1', 'correct.improved')).toBe(1 / 4);
    expect(value('run', 'run-1', 'correct.stayed')).toBe(2 / 4);
    expect(value('run', 'run-1', 'correct.worse')).toBe(1 / 4);
    // Round 1: +10, −10, 0; the fourth has no fidelity at round 1 → 3 counted.
    expect(value('round', '1', 'correct.improved')).toBe(1 / 3);
    expect(value('round', '1', 'correct.worse')).toBe(1 / 3);
    // Round 2: +10, +10, −80.
    expect(value('round', '2', 'correct.improved')).toBe(2 / 3);
    const round1 = records.find((r) => r.scope === 'round' && r.scopeKey === '1')!;
    expect(round1.provenance.n).toEqual({ trajectories: 4, counted: 3 });
    expect(round1.provenance.warnings).toEqual(['1 trajectories without fidelity to compare']);
  });

  it('stores null with a warning when nothing can be compared', () => {
    const records = correctionOutcomeRecords('r', [trajectory([null, null])], basis, 1);
    expect(records.every((r) => r.value === null)).toBe(true);
    expect(records[0]!.provenance.warnings).toContain('no trajectory could be compared');
  });
});
