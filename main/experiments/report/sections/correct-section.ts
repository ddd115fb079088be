/**
 * Self-correct runs: mean fidelity per round with its interval, the fraction of samples that
 * improved, stayed or got worse, and the trajectories (image, fidelity and code diff per round).
 * Trajectories are capped; the export has every round.
 */
import type { MetricRecord } from '../../../../shared/metrics.js';
import type { CorrectionTrajectory, TrajectoryRound } from '../../correct/trajectory.js';
import { formatNumber, html, type Html } from '../html.js';
import type { ImageSource } from '../image-links.js';
import { barChart } from '../svg-charts.js';
import { barsOf } from './metric-values.js';
import { intervalTable } from './interval-table.js';

/** Trajectories shown in the report. */
export const TRAJECTORY_CAP = 60;

function roundCell(round: TrajectoryRound, source: ImageSource): Html {
  const src = round.imageHash === null ? null : source(round.imageHash);
  return html`<td>
    ${src === null ? html`<span class="muted">${round.renderStatus ?? round.status}</span>` : html`<img src="${src}" alt="round ${round.round}" />`}
    <div>${round.fidelity === null ? '–' : formatNumber(round.fidelity, 1)}</div>
    ${
      round.diff
        ? html`<details>
            <summary>diff</summary>
            <pre class="diff">${round.diff}</pre>
          </details>`
        : null
    }${round.renderError ? html`<pre class="error">${round.renderError}</pre>` : null}
  </td>`;
}

function trajectoriesTable(trajectories: ReadonlyArray<CorrectionTrajectory>, source: ImageSource): Html {
  const shown = trajectories.slice(0, TRAJECTORY_CAP);
  const rounds = Math.max(0, ...shown.map((t) => t.rounds.length));
  const note =
    trajectories.length > shown.length
      ? html`<p class="muted">Showing ${shown.length} of ${trajectories.length} trajectories.</p>`
      : null;
  return html`${note}
    <table class="trajectories">
      <thead>
        <tr>
          <th>concept</th>
          <th>model</th>
          <th>language</th>
          ${Array.from({ length: rounds }, (_, r) => html`<th>round ${r}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${shown.map(
          (t) =>
            html`<tr>
              <td>${t.text ?? t.conceptKey ?? `concept ${t.conceptIdx}`}</td>
              <td>${t.model}</td>
              <td>${t.language}</td>
              ${t.rounds.map((r) => roundCell(r, source))}
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function outcomesTable(records: ReadonlyArray<MetricRecord>): Html {
  if (records.length === 0) return html`<p class="muted">Improved / stayed / worse: not scored yet.</p>`;
  return html`${intervalTable('Outcome after the last round', 'fraction', records)}
  ${barChart(
    'outcome after the last round',
    barsOf(records, (r) => r.name.replace(/^correct\./, '')),
  )}`;
}

/** The self-correct section. */
export function correctSection(
  metrics: ReadonlyArray<MetricRecord>,
  trajectories: ReadonlyArray<CorrectionTrajectory>,
  source: ImageSource,
): Html {
  const perRound = metrics
    .filter((r) => r.scope === 'round' && r.name === 'fidelity.percentile')
    .sort((a, b) => Number(a.scopeKey) - Number(b.scopeKey));
  const outcomes = metrics.filter((r) => r.scope === 'run' && r.name.startsWith('correct.'));
  return html`<section id="correction">
    <h2>Self-correction</h2>
    <figure class="chart-box">
      <figcaption>Mean fidelity percentile per round (95% interval)</figcaption>
      ${
        perRound.length === 0
          ? html`<p class="muted">Not scored yet.</p>`
          : barChart(
              'mean fidelity per round',
              barsOf(perRound, (r) => `round ${r.scopeKey}`),
            )
      }
    </figure>
    ${outcomesTable(outcomes)}
    <h3>Trajectories</h3>
    ${trajectories.length === 0 ? html`<p class="muted">No trajectories.</p>` : trajectoriesTable(trajectories, source)}
  </section>`;
}
