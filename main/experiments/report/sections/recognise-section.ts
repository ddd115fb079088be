/**
 * Recognise runs: the accuracy per mode with its interval (overall, then per category, language
 * and model in the metrics tables) and the confusion between concepts of the multiple-choice
 * answers, overall and per model. Large matrices are capped (the export has every answer).
 */
import type { MetricRecord } from '../../../../shared/metrics.js';
import type { ConfusionMatrix, RecognitionConfusion } from '../../recognise/confusion.js';
import { html, type Html } from '../html.js';
import { barChart } from '../svg-charts.js';
import { barsOf } from './metric-values.js';
import { intervalTable } from './interval-table.js';

/** Concepts shown in one confusion matrix. */
export const CONFUSION_LABEL_CAP = 40;

function heat(count: number, rowTotal: number): string {
  if (count === 0 || rowTotal === 0) return '';
  return `heat-${Math.min(4, Math.ceil((count / rowTotal) * 4))}`;
}

function matrixTable(caption: string, m: ConfusionMatrix): Html {
  if (m.total === 0) return html``;
  const shown = m.labels.slice(0, CONFUSION_LABEL_CAP);
  const columns = [...shown.map((_, i) => i), m.columns.length - 1];
  const note =
    m.labels.length > shown.length ? ` (first ${shown.length} of ${m.labels.length} concepts)` : '';
  const rows = shown.map((label, r) => {
    const row = m.matrix[r]!;
    const total = row.reduce((a, b) => a + b, 0);
    return html`<tr>
      <th class="row">${label}</th>
      ${columns.map(
        (c) =>
          html`<td class="${[heat(row[c]!, total), c === r ? 'diag' : ''].filter(Boolean).join(' ')}">
            ${row[c]!}
          </td>`,
      )}
    </tr>`;
  });
  return html`<table class="confusion">
    <caption>
      ${caption}${note}: rows are the truth, columns the option chosen (${m.total} answers)
    </caption>
    <thead>
      <tr>
        <th>truth \\ chosen</th>
        ${columns.map((c) => html`<th>${m.columns[c]!}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

/** The recognise section. */
export function recogniseSection(
  metrics: ReadonlyArray<MetricRecord>,
  confusion: RecognitionConfusion,
): Html {
  // Accuracies only (0..1); the free answers' retrieval percentile (0..100) is another scale.
  const accuracy = metrics.filter((r) => r.name.startsWith('recognition.') && r.name.endsWith('.accuracy'));
  const run = accuracy.filter((r) => r.scope === 'run');
  const table =
    run.length === 0
      ? html`<p class="muted">Not scored yet.</p>`
      : intervalTable('Accuracy', 'accuracy', run);
  const byModel = accuracy.filter((r) => r.scope === 'model');
  return html`<section id="recognition">
    <h2>Recognition</h2>
    ${table}${
      byModel.length > 0
        ? barChart(
            'accuracy per model',
            barsOf(byModel, (r) => `${r.name.split('.')[1]} · ${r.scopeKey}`),
          )
        : null
    }
    <h3>Confusion (multiple choice)</h3>
    ${confusion.total === 0 ? html`<p class="muted">No multiple-choice answers.</p>` : matrixTable('All models', confusion)}${confusion.perModel.length > 1 ? confusion.perModel.map((m) => matrixTable(`Model ${m.model}`, m)) : null}
  </section>`;
}
