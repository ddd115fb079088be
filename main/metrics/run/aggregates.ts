/**
 * Aggregates of per-sample and per-concept scores per concept, category, model, language and run:
 * the mean with a seeded bootstrap interval, stored under the same metric name at a wider scope.
 */
import type { MetricRecord, MetricScope } from '../../../shared/metrics.js';
import { BOOTSTRAP_IMPLEMENTATION_VERSION, meanWithInterval } from '../aggregate/bootstrap.js';

/** Where a scored item belongs at each wider scope (null: not aggregated at that scope). */
export type ScopeKeys = Partial<Record<Exclude<MetricScope, 'sample'>, string | null>>;

/** Bootstrap settings of the aggregation. */
export interface AggregateOptions {
  readonly seed: number;
  readonly resamples: number;
}

/** Aggregates `records` (one metric name each) by the scope keys `keysOf` gives each record. */
export function aggregateRecords(
  records: ReadonlyArray<MetricRecord>,
  keysOf: (record: MetricRecord) => ScopeKeys,
  options: AggregateOptions,
): MetricRecord[] {
  const groups = new Map<string, { scope: MetricScope; key: string; name: string; items: MetricRecord[] }>();
  for (const record of records) {
    if (record.value === null) continue;
    for (const [scope, key] of Object.entries(keysOf(record)) as [MetricScope, string | null][]) {
      if (key === null) continue;
      const id = `${record.name}\u0000${scope}\u0000${key}`;
      const group = groups.get(id) ?? { scope, key, name: record.name, items: [] };
      group.items.push(record);
      groups.set(id, group);
    }
  }
  return [...groups.values()].map(({ scope, key, name, items }) => {
    const stats = meanWithInterval(
      items.map((r) => r.value!),
      { seed: options.seed, resamples: options.resamples },
    );
    const first = items[0]!.provenance;
    const inherited = [...new Set(items.flatMap((r) => r.provenance.warnings))];
    return {
      scope,
      scopeKey: key,
      name,
      value: stats.mean,
      provenance: {
        ...first,
        implementationVersion: `${first.implementationVersion}+${BOOTSTRAP_IMPLEMENTATION_VERSION}`,
        n: { items: stats.n },
        seed: options.seed,
        settings: {
          std: stats.std,
          ciLow: stats.low,
          ciHigh: stats.high,
          level: stats.level,
          resamples: stats.resamples,
        },
        warnings: [...stats.warnings, ...inherited],
      },
    };
  });
}
