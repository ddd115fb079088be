/** A table of scores with their bootstrap intervals and N: one row per record. */
import type { MetricRecord } from '../../../../shared/metrics.js';
import { formatNumber, html, type Html } from '../html.js';
import { countOf, intervalOf } from './metric-values.js';

/** Rows of `records` (name, value, CI low/high, n) under `caption`; `valueHeader` names the value column. */
export function intervalTable(
  caption: string,
  valueHeader: string,
  records: ReadonlyArray<MetricRecord>,
): Html {
  return html`<table>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th>metric</th>
        <th class="num">${valueHeader}</th>
        <th class="num">CI low</th>
        <th class="num">CI high</th>
        <th class="num">n</th>
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
        </tr>`;
      })}
    </tbody>
  </table>`;
}
