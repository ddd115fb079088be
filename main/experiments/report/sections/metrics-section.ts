/**
 * Metric tables (run scope with provenance; per category, model, language and round with their
 * bootstrap intervals) and a per-category chart with interval whiskers for every metric.
 */
import type { MetricRecord, MetricScope } from '../../../../shared/metrics.js';
import { formatNumber, html, type Html } from '../html.js';
import { barChart } from '../svg-charts.js';
import { barsOf, byName, countOf, intervalOf } from './metric-values.js';

const GROUP_SCOPES: ReadonlyArray<MetricScope> = ['category', 'model', 'language', 'round'];

function runTable(records: ReadonlyArray<MetricRecord>): Html {
  if (records.length === 0) return html`<p class="muted">No run-level scores yet.</p>`;
  return html`<table>
    <caption>
      Run
    </caption>
    <thead>
      <tr>
        <th>metric</th>
        <th class="num">value</th>
        <th class="num">CI low</th>
        <th class="num">CI high</th>
        <th class="num">n</th>
        <th>implementation</th>
        <th>model</th>
        <th>warnings</th>
      </tr>
    </thead>
    <tbody>
      ${records.map((r) => {
        const ci = intervalOf(r);
        return html`<tr>
          <td>${r.name}</td>
          <td class="num">${formatNumber(r.value)}</td>
          <td class="num">${formatNumber(ci.low)}</td>
          <td class="num">${formatNumber(ci.high)}</td>
          <td class="num">${countOf(r)}</td>
          <td>${r.provenance.implementationVersion}</td>
          <td>${r.provenance.model?.id ?? '–'}</td>
          <td>${r.provenance.warnings.join('; ')}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function scopeTable(scope: MetricScope, groups: Map<string, MetricRecord[]>): Html {
  return html`<table>
    <caption>
      Per ${scope}
    </caption>
    <thead>
      <tr>
        <th>metric</th>
        <th>${scope}</th>
        <th class="num">value</th>
        <th class="num">CI low</th>
        <th class="num">CI high</th>
        <th class="num">n</th>
      </tr>
    </thead>
    <tbody>
      ${[...groups.entries()].map(([name, records]) =>
        records.map((r) => {
          const ci = intervalOf(r);
          return html`<tr>
            <td>${name}</td>
            <td>${r.scopeKey}</td>
            <td class="num">${formatNumber(r.value)}</td>
            <td class="num">${formatNumber(ci.low)}</td>
            <td class="num">${formatNumber(ci.high)}</td>
            <td class="num">${countOf(r)}</td>
          </tr>`;
        }),
      )}
    </tbody>
  </table>`;
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
