/**
 * Metric tables (run scope with provenance; per category, model, language and round with their
 * bootstrap intervals) and a per-category chart with interval whiskers for every metric.
 */
import type { MetricRecord, MetricScope } from '../../../../shared/metrics.js';
import { html, type Html } from '../html.js';
import { barChart } from '../svg-charts.js';
import { intervalTable } from './interval-table.js';
import { barsOf, byName } from './metric-values.js';

const GROUP_SCOPES: ReadonlyArray<MetricScope> = ['category', 'model', 'language', 'round'];

/** Provenance columns of the run table. */
const PROVENANCE_COLUMNS = [
  { header: 'implementation', cell: (r: MetricRecord) => r.provenance.implementationVersion },
  { header: 'model', cell: (r: MetricRecord) => r.provenance.model?.id ?? '–' },
  { header: 'warnings', cell: (r: MetricRecord) => r.provenance.warnings.join('; ') },
];

function runTable(records: ReadonlyArray<MetricRecord>): Html {
  if (records.length === 0) return html`<p class="muted">No run-level scores yet.</p>`;
  return intervalTable('Run', 'value', records, { extra: PROVENANCE_COLUMNS });
}

function scopeTable(scope: MetricScope, groups: Map<string, MetricRecord[]>): Html {
  return intervalTable(`Per ${scope}`, 'value', [...groups.values()].flat(), { scopeKey: scope });
}

/** The metrics section (empty runs say so). */
export function metricsSection(metrics: ReadonlyArray<MetricRecord>): Html {
  const run = metrics.filter((r) => r.scope === 'run');
  const tables = GROUP_SCOPES.map((scope) => ({ scope, groups: byName(metrics, scope) })).filter(
    (t) => t.groups.size > 0,
  );
  const charts = [...byName(metrics, 'category').entries()].map(
    ([name, records]) =>
      html`<figure class="chart-box">
        <figcaption>${name} per category (mean, 95% interval)</figcaption>
        ${barChart(`${name} per category`, barsOf(records))}
      </figure>`,
  );
  return html`<section id="metrics">
    <h2>Metrics</h2>
    ${runTable(run)}${charts}${tables.map((t) => scopeTable(t.scope, t.groups))}
  </section>`;
}
