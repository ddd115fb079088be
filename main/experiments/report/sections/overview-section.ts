/** The report's header: what the run is, when it ran, and its counts by sample and render status. */
import { html, type Html } from '../html.js';
import type { ReportData } from '../report-data.js';
import { barChart } from '../svg-charts.js';

function countsTable(caption: string, counts: Readonly<Record<string, number>>): Html {
  const entries = Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1));
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return html`<div class="counts-block">
    <table class="counts">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th>status</th>
          <th class="num">samples</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map(
          ([status, n]) =>
            html`<tr>
              <td>${status}</td>
              <td class="num">${n}</td>
            </tr>`,
        )}
        <tr class="total">
          <td>total</td>
          <td class="num">${total}</td>
        </tr>
      </tbody>
    </table>
    ${barChart(
      caption,
      entries.map(([label, value]) => ({ label, value })),
      { digits: 0, domain: { min: 0, max } },
    )}
  </div>`;
}

/** Run facts and status counts. */
export function overviewSection(data: ReportData): Html {
  const { run } = data;
  const facts: ReadonlyArray<readonly [string, string | null]> = [
    ['run id', run.id],
    ['kind', run.kind],
    ['status', run.status],
    ['dataset', run.datasetId],
    ['derived from run', run.parentRunId],
    ['app version', run.appVersion],
    ['created', run.createdAt],
    ['started', run.startedAt],
    ['finished', run.finishedAt],
  ];
  return html`<section id="overview">
    <h2>Overview</h2>
    <dl class="facts">
      ${facts
        .filter(([, value]) => value !== null)
        .map(
          ([name, value]) =>
            html`<dt>${name}</dt>
              <dd>${value}</dd>`,
        )}
    </dl>
    <div class="pairs">
      ${countsTable(
        'Samples by status',
        data.sampleCounts,
      )}${run.kind === 'recognise' ? null : countsTable('Renders by status', data.renderCounts)}
    </div>
  </section>`;
}
