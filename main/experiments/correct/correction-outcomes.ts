/**
 * Did self-correction help? Per trajectory, the last round's fidelity percentile against round
 * 0's: improved (up by more than {@link STAYED_TOLERANCE}), stayed (within it) or worse (down by
 * more). The fractions of trajectories in each class are stored at scope `run`; the same classes
 * of round r against round r − 1 at scope `round` (key r). A trajectory whose compared rounds lack
 * a fidelity (no image: no code, a failed render or a failed call; or no CLIP model) is not
 * counted; provenance says how many were.
 */
import type { MetricProvenance, MetricRecord } from '../../../shared/metrics.js';
import type { CorrectionTrajectory } from './trajectory.js';

/**
 * Percentile points within which a change counts as "stayed": below half of the smallest rank
 * step (50 / (K − 1) points, tie-aware) for categories of up to 101 concepts, so there it means
 * "the same rank"; in larger categories smaller moves are treated as noise.
 */
export const STAYED_TOLERANCE = 0.5;

/** Version of this classification, recorded in provenance. */
export const CORRECTION_OUTCOME_VERSION = 'correct-outcome-1';

/** The three classes, as metric names. */
export const CORRECTION_OUTCOME_NAMES = ['correct.improved', 'correct.stayed', 'correct.worse'] as const;

/** improved | stayed | worse of a move from `before` to `after`. */
export function outcomeOf(before: number, after: number): 'improved' | 'stayed' | 'worse' {
  const delta = after - before;
  if (Math.abs(delta) <= STAYED_TOLERANCE) return 'stayed';
  return delta > 0 ? 'improved' : 'worse';
}

/** The fidelity model of the run's scores, shared by the outcome provenance. */
export type FidelityBasis = Pick<MetricProvenance, 'model' | 'preprocessing'>;

function records(
  scope: 'run' | 'round',
  scopeKey: string,
  pairs: ReadonlyArray<readonly [number | null, number | null]>,
  basis: FidelityBasis,
  compare: string,
): MetricRecord[] {
  const counted = pairs.filter((p): p is [number, number] => p[0] !== null && p[1] !== null);
  const classes = counted.map(([before, after]) => outcomeOf(before, after));
  const warnings =
    counted.length < pairs.length
      ? [`${pairs.length - counted.length} trajectories without fidelity to compare`]
      : [];
  return CORRECTION_OUTCOME_NAMES.map((name) => {
    const cls = name.slice('correct.'.length);
    const provenance: MetricProvenance = {
      metric: name,
      implementationVersion: CORRECTION_OUTCOME_VERSION,
      model: basis.model,
      preprocessing: basis.preprocessing,
      n: { trajectories: pairs.length, counted: counted.length },
      seed: null,
      settings: { basis: 'fidelity.percentile', compare, tolerance: STAYED_TOLERANCE },
      warnings: counted.length === 0 ? [...warnings, 'no trajectory could be compared'] : warnings,
    };
    const value = counted.length === 0 ? null : classes.filter((c) => c === cls).length / counted.length;
    return { scope, scopeKey, name, value, provenance };
  });
}

/** The outcome records of a run's trajectories (run scope keyed by the run id, then per round ≥ 1). */
export function correctionOutcomeRecords(
  runId: string,
  trajectories: ReadonlyArray<CorrectionTrajectory>,
  basis: FidelityBasis,
  rounds: number,
): MetricRecord[] {
  const fidelityAt = (t: CorrectionTrajectory, round: number) =>
    t.rounds.find((r) => r.round === round)?.fidelity ?? null;
  const overall = records(
    'run',
    runId,
    trajectories.map((t) => [fidelityAt(t, 0), fidelityAt(t, rounds)] as const),
    basis,
    `round ${rounds} vs round 0`,
  );
  const perRound = Array.from({ length: rounds }, (_, i) => i + 1).flatMap((round) =>
    records(
      'round',
      String(round),
      trajectories.map((t) => [fidelityAt(t, round - 1), fidelityAt(t, round)] as const),
      basis,
      `round ${round} vs round ${round - 1}`,
    ),
  );
  return [...overall, ...perRound];
}
