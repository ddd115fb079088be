/** A table of scores with their bootstrap intervals and N: one row per record. */
import type { MetricRecord } from '../../../../shared/metrics.js';
import { formatNumber, html, type Html } from '../html.js';
import { countOf, intervalOf } from './metric-values.js';

/** Columns around the fixed ones (metric, value, CI low, CI high, n). */
export interface IntervalTableColumns {
  /** Header of a column after `metric` showing each record's scope key (e.g. the category). */
  readonly scopeKey?: string;
  /** Columns after `n`, one text cell per record. */
  readonly extra?: ReadonlyArray<{ readonly header: string; readonly cell: (r: MetricRecord) => string }>;
}

/** Rows of `records` under `caption`; `valueHeader` names the value column. */
export function intervalTable(
  caption: string,
  valueHeader: string,
  records: ReadonlyArray<MetricRecord>,
  columns: IntervalTableColumns = {},
): Html {
  const extra = columns.extra ?? [];
  return html`<table>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th>metric</th>
        ${columns.scopeKey === undefined ? '' : html`<th>${columns.scopeKey}</th>`}
        <th class="num">${valueHeader}</th>
        <th class="num">CI low</th>
        <th class="num">CI high</th>
        <th class="num">n</th>
        ${extra.map((c) => html`<th>${c.header}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${records.map((r) => {
        const ci = intervalOf(r);
        return html`<tr>
          <td>${r.name}</td>
          ${columns.scopeKey === undefined ? '' : html`<td>${r.scopeKey}</td>`}
          <td class="num">${formatNumber(r.value)}</td>
          <td class="num">${formatNumber(ci.low)}</td>
          <td class="num">${formatNumber(ci.high)}</td>
          <td class="num">${countOf(r)}</td>
          ${extra.map((c) => html`<td>${c.cell(r)}</td>`)}
        </tr>`;
      })}
    </tbody>
  </table>`;
}
