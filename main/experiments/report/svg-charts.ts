/**
 * Inline SVG charts of the run report (no JavaScript, no external files): horizontal bars for
 * counts, and horizontal bars with confidence-interval whiskers for means. Labels are text nodes
 * built with the escaping `html` tag.
 */
import { formatNumber, html, type Html } from './html.js';

/** One bar. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Interval ends (whiskers), when known. */
  readonly low?: number | null;
  readonly high?: number | null;
}

const LABEL_WIDTH = 190;
const PLOT_WIDTH = 360;
const VALUE_WIDTH = 110;
const ROW = 22;

/** The value range a chart spans: from 0 (or below) to the largest value or interval end. */
export function chartDomain(bars: ReadonlyArray<Bar>): { readonly min: number; readonly max: number } {
  const ends = bars.flatMap((b) => [b.value, b.low ?? b.value, b.high ?? b.value]).filter(Number.isFinite);
  const min = Math.min(0, ...ends);
  const max = Math.max(...ends, min + 1e-9);
  // Percentiles and accuracies have natural ends; keep them so charts compare across runs.
  if (min >= 0 && max <= 1) return { min: 0, max: 1 };
  if (min >= 0 && max <= 100 && max > 1) return { min: 0, max: 100 };
  return { min, max };
}

function shorten(label: string, max = 28): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/** A horizontal bar chart; `title` is the accessible name. */
export function barChart(
  title: string,
  bars: ReadonlyArray<Bar>,
  options: {
    readonly digits?: number;
    readonly domain?: { readonly min: number; readonly max: number };
  } = {},
): Html {
  if (bars.length === 0) return html``;
  const { min, max } = options.domain ?? chartDomain(bars);
  const x = (v: number) => LABEL_WIDTH + ((v - min) / (max - min)) * PLOT_WIDTH;
  const height = bars.length * ROW + 24;
  const rows = bars.map((bar, i) => {
    const y = i * ROW + 4;
    const left = x(Math.min(0, bar.value));
    const width = Math.max(1, Math.abs(x(bar.value) - x(0)));
    const interval =
      bar.low !== undefined && bar.low !== null && bar.high !== undefined && bar.high !== null
        ? html`<line class="ci" x1="${x(bar.low)}" x2="${x(bar.high)}" y1="${y + 8}" y2="${y + 8}" /><line
              class="ci"
              x1="${x(bar.low)}"
              x2="${x(bar.low)}"
              y1="${y + 3}"
              y2="${y + 13}"
            /><line class="ci" x1="${x(bar.high)}" x2="${x(bar.high)}" y1="${y + 3}" y2="${y + 13}" />`
        : null;
    const range = interval
      ? ` [${formatNumber(bar.low, options.digits)}, ${formatNumber(bar.high, options.digits)}]`
      : '';
    return html`<g
      ><title>${bar.label}: ${formatNumber(bar.value, options.digits)}${range}</title
      ><text class="label" x="${LABEL_WIDTH - 6}" y="${y + 12}">${shorten(bar.label)}</text
      ><rect class="bar" x="${left}" y="${y + 2}" width="${width}" height="${ROW - 8}" />${interval}<text
        class="value"
        x="${LABEL_WIDTH + PLOT_WIDTH + 6}"
        y="${y + 12}"
        >${formatNumber(bar.value, options.digits)}</text
      ></g
    >`;
  });
  const axis = bars.length * ROW + 4;
  return html`<svg
    class="chart"
    role="img"
    aria-label="${title}"
    width="${LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH}"
    height="${height}"
    viewBox="0 0 ${LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH} ${height}"
    xmlns="http://www.w3.org/2000/svg"
  >
    <title>${title}</title>
    ${rows}
    <line class="axis" x1="${LABEL_WIDTH}" x2="${LABEL_WIDTH + PLOT_WIDTH}" y1="${axis}" y2="${axis}" />
    <text class="tick" x="${LABEL_WIDTH}" y="${axis + 14}">${formatNumber(min)}</text>
    <text class="tick end" x="${LABEL_WIDTH + PLOT_WIDTH}" y="${axis + 14}">${formatNumber(max)}</text>
  </svg>`;
}
