/**
 * `vcheck metrics fid|compute|show`: realism between two feature sets; fidelity and diversity of a
 * run (a `metrics.compute` job followed with a progress bar; Ctrl-C cancels it and keeps the
 * previous scores), stored with provenance, and the stored scores as a table, CSV or JSON. All
 * through the engine.
 */
import path from 'node:path';
import type { Command } from 'commander';
import type { MetricsComputeRequest } from '../../../shared/jobs.js';
import type { FidComparison, MetricRecord } from '../../../shared/metrics.js';
import { integerIn } from '../arguments.js';
import type { CliContext } from '../context.js';
import { action, CliError, unwrap } from '../errors.js';
import { followJob } from '../follow-job.js';
import { describeJob } from '../job-report.js';
import { printJson, printTable } from '../output.js';
import { withEngine } from '../with-engine.js';

interface FidOptions {
  a: string;
  b: string;
  kidSubsets: number;
  kidSubsetSize: number;
  seed: number;
  json?: boolean;
}

function printFid(result: FidComparison): void {
  const describe = (side: FidComparison['a']): string =>
    `${side.path} (${side.kind === 'npy' ? '.npy features' : `images${side.cached ? ', cached features' : ''}`}, n=${side.n})`;
  const kid = result.kidProvenance.settings;
  const lines = [
    `A: ${describe(result.a)}`,
    `B: ${describe(result.b)}`,
    `FID  ${result.fid.toFixed(4)}   (d=${result.d}, route ${String(result.fidProvenance.settings['route'])})`,
    `KID  ${result.kidMean.toExponential(4)} ± ${result.kidStd.toExponential(4)}   (${String(kid['subsets'])} subsets of ${String(kid['subsetSize'])}, seed ${String(result.kidProvenance.seed)})`,
  ];
  if (result.fidProvenance.model)
    lines.push(`model ${result.fidProvenance.model.id} sha256:${result.fidProvenance.model.sha256}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Registers `vcheck metrics`. */
export function registerMetricsCommand(program: Command, ctx: CliContext): void {
  const metrics = program
    .command('metrics')
    .description('metric scores: fidelity (CLIP), diversity (LPIPS), realism (FID/KID), with provenance');
  metrics
    .command('fid')
    .description(
      'FID and KID between two feature sets: .npy N×D matrices or folders of images (FID Inception)',
    )
    .requiredOption('--a <path>', 'first set: a .npy file (N×D float32/float64) or a folder of images')
    .requiredOption('--b <path>', 'second set: a .npy file or a folder of images (e.g. the reference set)')
    .option('--kid-subsets <k>', 'KID: number of random subsets', integerIn(1, 10_000), 100)
    .option(
      '--kid-subset-size <m>',
      'KID: samples per subset (clamped to the smaller set)',
      integerIn(2, 1_000_000),
      1000,
    )
    .option('--seed <n>', 'seed of the KID subsets', integerIn(0, 0xffff_ffff), 0)
    .option('--json', 'print { fid, kidMean, kidStd, nA, nB, d }')
    .action(
      action(async (o: FidOptions) => {
        const request = {
          a: path.resolve(o.a),
          b: path.resolve(o.b),
          kidSubsets: o.kidSubsets,
          kidSubsetSize: o.kidSubsetSize,
          seed: o.seed,
        };
        const result = await withEngine(ctx, async (client) =>
          unwrap(await client.call('metrics.fid', request)),
        );
        const warnings = new Set([...result.fidProvenance.warnings, ...result.kidProvenance.warnings]);
        for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
        if (!o.json) return printFid(result);
        const { fid, kidMean, kidStd, nA, nB, d } = result;
        printJson({ fid, kidMean, kidStd, nA, nB, d });
      }),
    );
  registerRunCommands(metrics, ctx);
  registerModelCommands(metrics, ctx);
}

function registerModelCommands(metrics: Command, ctx: CliContext): void {
  metrics
    .command('models')
    .description('the metric models (FID Inception, LPIPS, CLIP): source, licence, installed or not')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { json?: boolean }) => {
        const models = await withEngine(ctx, async (client) =>
          unwrap(await client.call('metrics.models', {})),
        );
        if (o.json) return printJson(models);
        printTable(
          ['ID', 'STATE', 'METRIC', 'LICENCE'],
          models.map((m) => [
            m.id,
            m.present ? 'present' : `missing ${m.missing.join(', ')}`,
            m.metric,
            m.license,
          ]),
        );
      }),
    );
  metrics
    .command('import-model <id> <folder>')
    .description('copy an exported model folder (see resources/metrics/export_models.py) into the data dir')
    .action(
      action(async (id: string, folder: string) => {
        const request = { id, folder: path.resolve(folder) };
        const view = await withEngine(ctx, async (client) =>
          unwrap(await client.call('metrics.importModel', request)),
        );
        process.stdout.write(`Imported ${view.id} into ${view.folder}\n`);
      }),
    );
}

interface ComputeOptions {
  reference?: string;
  fidelity: boolean;
  diversity: boolean;
  seed: number;
  pairCap: number;
  json?: boolean;
}

function registerRunCommands(metrics: Command, ctx: CliContext): void {
  metrics
    .command('compute <run>')
    .description('score a run: fidelity (CLIP percentile, CLIP score) and diversity (LPIPS), with provenance')
    .option('--no-fidelity', 'skip fidelity')
    .option('--no-diversity', 'skip diversity')
    .option('--reference <dir>', 'realism: FID/KID of the run against this folder of reference images')
    .option('--seed <n>', 'seed of pair sampling and bootstrap intervals', integerIn(0, 0xffff_ffff), 0)
    .option('--pair-cap <n>', 'diversity: at most this many pairs per concept', integerIn(1, 1_000_000), 1000)
    .option('--json', 'print the summary as JSON')
    .action(
      action(async (runId: string, o: ComputeOptions) => {
        const request = {
          runId,
          fidelity: o.fidelity,
          diversity: o.diversity,
          seed: o.seed,
          pairCap: o.pairCap,
          ...(o.reference ? { reference: path.resolve(o.reference) } : {}),
        };
        await computeRun(ctx, request, o.json);
      }),
    );
  metrics
    .command('show <run>')
    .description('the stored scores of a run (aggregates; --all adds per-sample rows)')
    .option('--all', 'include per-sample scores')
    .option('--json', 'print every score with its provenance as JSON')
    .option('--csv', 'print CSV (scope, key, name, value, ci_low, ci_high, n, warnings)')
    .action(
      action(async (runId: string, o: { all?: boolean; json?: boolean; csv?: boolean }) => {
        const records = await withEngine(ctx, async (client) =>
          unwrap(await client.call('metrics.forRun', { runId })),
        );
        const shown = o.all || o.json ? records : records.filter((r) => r.scope !== 'sample');
        if (o.json) return printJson(shown);
        if (o.csv) return printCsv(shown);
        printTable(['SCOPE', 'KEY', 'METRIC', 'VALUE', '95% CI', 'N'], shown.map(recordRow));
      }),
    );
}

/** Runs a `metrics.compute` job to its end and prints its result as `metrics compute` always has. */
async function computeRun(ctx: CliContext, params: MetricsComputeRequest, json?: boolean): Promise<void> {
  const followed = await withEngine(ctx, (client) =>
    followJob(client, () => client.call('jobs.start', { kind: 'metrics.compute', params }), {
      label: 'metrics',
    }),
  );
  const { job } = followed;
  if (followed.cancelledByUser && job.status === 'cancelled')
    throw new CliError('cancelled; the previous scores are kept', 130);
  if (job.status !== 'succeeded' || job.result?.kind !== 'metrics.compute')
    throw new CliError(job.error ?? `metrics compute ${job.status}`);
  const { kind: _kind, ...summary } = job.result;
  for (const warning of summary.warnings) process.stderr.write(`warning: ${warning}\n`);
  if (json) return printJson(summary);
  process.stdout.write(
    describeJob(job)
      .map((line) => `${line}\n`)
      .join(''),
  );
}

function interval(r: MetricRecord): string {
  const { ciLow, ciHigh } = r.provenance.settings;
  return typeof ciLow === 'number' && typeof ciHigh === 'number'
    ? `${ciLow.toFixed(3)}–${ciHigh.toFixed(3)}`
    : '';
}

function recordRow(r: MetricRecord): ReadonlyArray<string> {
  const n = Object.entries(r.provenance.n)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return [r.scope, r.scopeKey, r.name, r.value === null ? '-' : r.value.toFixed(4), interval(r), n];
}

function printCsv(records: ReadonlyArray<MetricRecord>): void {
  const cell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ['scope,key,name,value,ci_low,ci_high,n,warnings'];
  for (const r of records) {
    const { ciLow, ciHigh } = r.provenance.settings;
    const n = Object.values(r.provenance.n)[0];
    lines.push(
      [
        r.scope,
        r.scopeKey,
        r.name,
        r.value ?? '',
        ciLow ?? '',
        ciHigh ?? '',
        n ?? '',
        r.provenance.warnings.join('; '),
      ]
        .map((v) => cell(String(v)))
        .join(','),
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
