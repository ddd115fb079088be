/** How `vcheck runs show|samples` and the run commands describe a run and its samples to people. */
import type { MetricRecord } from '../../../shared/metrics.js';
import type { RunDetail, SampleView } from '../../../shared/runs.js';
import { formatTable, formatTime } from '../output.js';

function counts(byStatus: Readonly<Record<string, number>>): string {
  const entries = Object.entries(byStatus).filter(([, n]) => n > 0);
  return entries.length === 0 ? 'none' : entries.map(([status, n]) => `${n} ${status}`).join(', ');
}

/** `0.512 [0.401, 0.633]` from a score and the bootstrap interval in its provenance, when there is one. */
export function formatScore(record: MetricRecord): string {
  if (record.value === null) return '-';
  const { ciLow, ciHigh } = record.provenance.settings;
  const value = record.value.toFixed(3);
  return typeof ciLow === 'number' && typeof ciHigh === 'number'
    ? `${value} [${ciLow.toFixed(3)}, ${ciHigh.toFixed(3)}]`
    : value;
}

/** Scopes `runs show` lists, in this order (per-concept and per-sample scores: `metrics show --all`). */
const SHOWN_SCOPES: ReadonlyArray<MetricRecord['scope']> = ['run', 'round', 'model', 'language', 'category'];

function metricRows(metrics: ReadonlyArray<MetricRecord>): ReadonlyArray<ReadonlyArray<string>> {
  return metrics
    .filter((m) => SHOWN_SCOPES.includes(m.scope))
    .sort((a, b) => SHOWN_SCOPES.indexOf(a.scope) - SHOWN_SCOPES.indexOf(b.scope))
    .map((m) => [
      m.scope === 'run' ? 'run' : `${m.scope} ${m.scopeKey}`,
      m.name,
      formatScore(m),
      Object.entries(m.provenance.n)
        .map(([k, v]) => `${k}=${v}`)
        .join(' '),
    ]);
}

/** The lines of `runs show`: who and what, counts by status, and the run-level scores with 95% CI. */
export function describeRun(run: RunDetail): string {
  const s = run.summary;
  const lines = [
    `Run ${s.id}  ${s.name}`,
    `  kind      ${s.kind}`,
    `  status    ${s.status}`,
    ...(s.datasetId ? [`  dataset   ${s.datasetId}`] : []),
    ...(run.parentRunId ? [`  parent    ${run.parentRunId}`] : []),
    `  created   ${formatTime(s.createdAt)}${s.finishedAt ? `, finished ${formatTime(s.finishedAt)}` : ''}`,
    `  samples   ${counts(run.byStatus.samples)}`,
    `  renders   ${counts(run.byStatus.renders)}`,
  ];
  if (run.versions) lines.push(`  app       ${run.versions.app}`);
  const rows = metricRows(run.metrics);
  const table =
    rows.length === 0 ? '  (no scores yet)\n' : formatTable(['SCOPE', 'METRIC', 'VALUE [95% CI]', 'N'], rows);
  return `${lines.join('\n')}\n\n${table}`;
}

function shorten(text: string | null, max: number): string {
  if (!text) return '';
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** One row of `runs samples`. */
export function sampleRow(sample: SampleView): ReadonlyArray<string> {
  const recognition = sample.recognition;
  const verdict =
    recognition?.correct === null || recognition === null ? '' : recognition.correct ? 'correct' : 'wrong';
  return [
    String(sample.id),
    shorten(sample.text ?? sample.conceptKey, 32),
    sample.model,
    sample.language,
    String(sample.sampleIndex),
    String(sample.round),
    sample.status,
    sample.render?.status ?? '-',
    sample.fidelity === null ? '' : sample.fidelity.toFixed(3),
    verdict,
    shorten(sample.errorText ?? sample.render?.error ?? null, 60),
  ];
}

/** The header of {@link sampleRow}. */
export const SAMPLE_HEADER: ReadonlyArray<string> = [
  'ID',
  'CONCEPT',
  'MODEL',
  'LANGUAGE',
  'IDX',
  'ROUND',
  'STATUS',
  'RENDER',
  'FIDELITY',
  'RECOGNISED',
  'ERROR',
];
