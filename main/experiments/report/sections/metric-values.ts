/** Reading a stored score for display: its interval and N from the provenance. */
import type { MetricRecord, MetricScope } from '../../../../shared/metrics.js';
import type { Bar } from '../svg-charts.js';

/** The confidence interval a record's provenance carries (aggregates), or nulls. */
export function intervalOf(record: MetricRecord): {
  readonly low: number | null;
  readonly high: number | null;
} {
  const { ciLow, ciHigh } = record.provenance.settings;
  return {
    low: typeof ciLow === 'number' ? ciLow : null,
    high: typeof ciHigh === 'number' ? ciHigh : null,
  };
}

/** How many items a score summarises: `n.items` of aggregates, `n.counted`, or every count named. */
export function countOf(record: MetricRecord): string {
  const n = record.provenance.n;
  if (typeof n.items === 'number') return String(n.items);
  if (typeof n.counted === 'number') return String(n.counted);
  const entries = Object.entries(n);
  if (entries.length === 1) return String(entries[0]![1]);
  return entries.map(([name, value]) => `${name} ${value}`).join(', ') || '–';
}

/** The records of one scope, grouped by metric name (names sorted). */
export function byName(
  metrics: ReadonlyArray<MetricRecord>,
  scope: MetricScope,
): Map<string, MetricRecord[]> {
  const groups = new Map<string, MetricRecord[]>();
  for (const record of metrics) {
    if (record.scope !== scope) continue;
    const list = groups.get(record.name) ?? [];
    list.push(record);
    groups.set(record.name, list);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Chart bars of records: label from the scope key, whiskers from the interval. */
export function barsOf(records: ReadonlyArray<MetricRecord>, label = (r: MetricRecord) => r.scopeKey): Bar[] {
  return records
    .filter((r) => r.value !== null)
    .map((r) => ({ label: label(r), value: r.value!, ...intervalOf(r) }));
}
