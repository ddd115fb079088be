/**
 * The scores of a recognise run: each scored answer is a 0/1 record at sample scope, named by its
 * mode (`recognition.free.accuracy`, `recognition.choice.accuracy`); the accuracy per concept,
 * category, language, model and run is their mean with a seeded bootstrap interval. Answers that
 * could not be scored (a failed call) are not counted; an unparsed choice counts as wrong.
 */
import type { MetricProvenance, MetricRecord } from '../../../shared/metrics.js';
import { aggregateRecords, type AggregateOptions, type ScopeKeys } from '../run/aggregates.js';
import { RECOGNITION_IMPLEMENTATION_VERSION } from './scoring.js';

/** The metric name of a mode's accuracy. */
export function recognitionMetricName(mode: 'free' | 'choice'): string {
  return `recognition.${mode}.accuracy`;
}

/** One scored answer of a recognise run. */
export interface RecognitionOutcome {
  readonly sampleId: number;
  readonly mode: 'free' | 'choice';
  readonly correct: boolean;
  /** The true concept (the concept scope's key). */
  readonly truth: string;
  readonly category: string | null;
  readonly model: string;
  readonly language: string;
  /** Multiple choice: how many options were shown. */
  readonly options: number | null;
}

function provenanceOf(outcome: RecognitionOutcome): MetricProvenance {
  return {
    metric: recognitionMetricName(outcome.mode),
    implementationVersion: RECOGNITION_IMPLEMENTATION_VERSION,
    model: null,
    preprocessing: null,
    n: { answers: 1 },
    seed: null,
    settings:
      outcome.options === null ? { mode: outcome.mode } : { mode: outcome.mode, options: outcome.options },
    warnings: [],
  };
}

/** Per-answer records and their aggregates, ready for `MetricsRepo.replace`. */
export function recognitionRecords(
  runId: string,
  outcomes: ReadonlyArray<RecognitionOutcome>,
  options: AggregateOptions,
): { readonly names: ReadonlyArray<string>; readonly records: ReadonlyArray<MetricRecord> } {
  const perSample = outcomes.map((o): MetricRecord => ({
    scope: 'sample',
    scopeKey: String(o.sampleId),
    name: recognitionMetricName(o.mode),
    value: o.correct ? 1 : 0,
    provenance: provenanceOf(o),
  }));
  const bySample = new Map(outcomes.map((o) => [String(o.sampleId), o]));
  const keysOf = (record: MetricRecord): ScopeKeys => {
    const o = bySample.get(record.scopeKey)!;
    return { concept: o.truth, category: o.category, language: o.language, model: o.model, run: runId };
  };
  const names = [...new Set(perSample.map((r) => r.name))].sort();
  return { names, records: [...perSample, ...aggregateRecords(perSample, keysOf, options)] };
}
