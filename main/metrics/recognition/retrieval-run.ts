/**
 * The retrieval percentile of free-form recognitions: a free answer's CLIP text embedding is
 * compared with the descriptions of every concept of the truth's category, and the true
 * description's rank among them is the score (100 = the answer is closest to the truth; see
 * fidelity/percentile.ts for ties). It credits answers that are near the truth without naming
 * it ("a kitten" for "cat"), which the string match cannot. Aggregated like accuracy.
 */
import type { MetricProvenance, MetricRecord } from '../../../shared/metrics.js';
import type { ClipModel } from '../models/clip.js';
import { aggregateRecords, type AggregateOptions, type ScopeKeys } from '../run/aggregates.js';
import { RECOGNITION_IMPLEMENTATION_VERSION, retrievalPercentile } from './scoring.js';

/** The metric name of the retrieval percentile. */
export const RETRIEVAL_METRIC = 'recognition.free.retrieval';

/** One free-form answer to rank. */
export interface RetrievalQuery {
  readonly sampleId: number;
  readonly answer: string;
  readonly truth: string;
  /** The category's descriptions, the truth among them (at least two). */
  readonly descriptions: ReadonlyArray<string>;
  readonly category: string | null;
  readonly model: string;
  readonly language: string;
}

/** Embeds every distinct text once; returns a lookup and the texts CLIP truncated. */
async function embedAll(
  clip: ClipModel,
  texts: ReadonlyArray<string>,
): Promise<{ readonly of: (text: string) => Float32Array; readonly truncated: ReadonlySet<string> }> {
  const distinct = [...new Set(texts)];
  const { embeddings, truncated } = await clip.embedTexts(distinct);
  const byText = new Map(distinct.map((t, i) => [t, embeddings[i]!]));
  return { of: (t) => byText.get(t)!, truncated: new Set(distinct.filter((_, i) => truncated[i])) };
}

function provenanceOf(
  clip: ClipModel,
  descriptions: number,
  warnings: ReadonlyArray<string>,
): MetricProvenance {
  return {
    metric: RETRIEVAL_METRIC,
    implementationVersion: RECOGNITION_IMPLEMENTATION_VERSION,
    model: { id: clip.id, sha256: clip.sha256.text, provider: clip.provider },
    preprocessing: null,
    n: { descriptions },
    seed: null,
    settings: { embedding: 'clip-text' },
    warnings,
  };
}

/** Per-answer retrieval percentiles and their aggregates per concept, category, language, model, run. */
export async function retrievalRecords(
  clip: ClipModel,
  runId: string,
  queries: ReadonlyArray<RetrievalQuery>,
  options: AggregateOptions,
): Promise<MetricRecord[]> {
  if (queries.length === 0) return [];
  const texts = queries.flatMap((q) => [q.answer, ...q.descriptions]);
  const { of, truncated } = await embedAll(clip, texts);
  const perSample = queries.map((q): MetricRecord => {
    const rank = retrievalPercentile(of(q.answer), q.descriptions.map(of), q.descriptions.indexOf(q.truth));
    const cut = [q.answer, ...q.descriptions].filter((t) => truncated.has(t));
    const warnings = cut.length ? [`${cut.length} text(s) truncated to CLIP's 77 tokens`] : [];
    return {
      scope: 'sample',
      scopeKey: String(q.sampleId),
      name: RETRIEVAL_METRIC,
      value: rank.percentile,
      provenance: provenanceOf(clip, q.descriptions.length, [...rank.warnings, ...warnings]),
    };
  });
  const bySample = new Map(queries.map((q) => [String(q.sampleId), q]));
  const keysOf = (record: MetricRecord): ScopeKeys => {
    const q = bySample.get(record.scopeKey)!;
    return { concept: q.truth, category: q.category, language: q.language, model: q.model, run: runId };
  };
  return [...perSample, ...aggregateRecords(perSample, keysOf, options)];
}
