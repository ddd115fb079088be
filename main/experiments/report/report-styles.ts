/**
 * The report's one stylesheet. The page's Content-Security-Policy allows exactly this text (by its
 * sha256), so the page uses classes only, never `style` attributes, and the `<style>` element is
 * written with no whitespace around it (a formatter must not touch the hashed text).
 */
import { createHash } from 'node:crypto';

/** The stylesheet. */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2330; --muted: #667085; --line: #d9dee7; --bar: #4f7cc9; --ci: #1d2330; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: #f7f8fb; }
header, section { max-width: 1180px; margin: 0 auto; padding: 12px 24px; }
header { padding-top: 24px; border-bottom: 1px solid var(--line); }
h1 { font-size: 22px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 18px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 14px 0 6px; }
nav a { margin-right: 12px; color: var(--bar); }
.muted { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 12px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.counts-block { display: flex; flex-wrap: wrap; gap: 24px; align-items: center; }
table { border-collapse: collapse; margin: 8px 0 16px; background: #fff; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #eef1f6; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 600; }
pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
pre.json, pre.diff, pre.code { background: #fff; border: 1px solid var(--line); padding: 8px; max-height: 420px; overflow: auto; }
pre.error { max-width: 520px; color: #8a1c1c; }
svg.chart { display: block; margin: 6px 0 14px; max-width: 100%; height: auto; }
svg.chart text { font: 11px system-ui, "DejaVu Sans", sans-serif; fill: var(--ink); }
svg.chart text.label { text-anchor: end; }
svg.chart text.tick.end { text-anchor: end; }
svg.chart rect.bar { fill: var(--bar); }
svg.chart line.ci { stroke: var(--ci); stroke-width: 1.5; }
svg.chart line.axis { stroke: var(--muted); }
figure { margin: 0; }
figure.chart-box figcaption { font-weight: 600; }
.gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 12px; }
figure.tile { background: #fff; border: 1px solid var(--line); padding: 6px; }
figure.tile img, td img { display: block; width: 100%; height: auto; image-rendering: pixelated; background: #fff; }
td img { width: 96px; }
figure.tile figcaption { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
figure.tile .concept { color: var(--ink); font-weight: 600; }
table.confusion td { text-align: right; min-width: 2.2em; }
table.confusion th.row { text-align: left; }
td.heat-1 { background: #e3ecfa; } td.heat-2 { background: #bcd0f2; } td.heat-3 { background: #8eb0e8; }
td.heat-4 { background: #5a88d6; color: #fff; } td.diag { outline: 2px solid #1d2330; outline-offset: -2px; }
details summary { cursor: pointer; color: var(--bar); }
footer { max-width: 1180px; margin: 0 auto; padding: 16px 24px 32px; color: var(--muted); font-size: 12px; }
`;

/** The CSP source that allows {@link REPORT_CSS}. */
export const REPORT_CSS_SOURCE = `'sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}'`;
