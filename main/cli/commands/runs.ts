/**
 * `vcheck runs list|show|samples` (the run history, one run with its counts and scores, its samples)
 * and the lifecycle and file commands registered from runs-control.ts and runs-files.ts.
 */
import type { Command } from 'commander';
import type { RunSummary } from '../../../shared/runs.js';
import { integerIn } from '../arguments.js';
import type { CliContext } from '../context.js';
import { action, unwrap } from '../errors.js';
import { formatTime, printJson, printTable } from '../output.js';
import { withEngine } from '../with-engine.js';
import { describeRun, SAMPLE_HEADER, sampleRow } from './run-summary.js';
import { registerRunControlCommands } from './runs-control.js';
import { registerRunFileCommands } from './runs-files.js';

function runRow(run: RunSummary): ReadonlyArray<string> {
  const renders = run.counts.renders === 0 ? '-' : `${run.counts.rendersOk}/${run.counts.renders}`;
  return [
    run.id,
    run.kind,
    run.status,
    String(run.counts.samples),
    renders,
    formatTime(run.createdAt),
    run.name,
  ];
}

/** Registers `vcheck runs` and its subcommands. */
export function registerRunsCommand(program: Command, ctx: CliContext): void {
  const runs = program.command('runs').description('the run history');
  runs
    .command('list')
    .description('list runs, newest first')
    .option('--limit <n>', 'how many runs to show (1-500)', integerIn(1, 500), 100)
    .option('--json', 'print JSON')
    .action(
      action(async (options: { limit: number; json?: boolean }) => {
        const page = await withEngine(ctx, async (client) =>
          unwrap(await client.call('runs.list', { limit: options.limit })),
        );
        if (options.json) return printJson(page);
        if (page.runs.length === 0) return void process.stdout.write('No runs yet.\n');
        printTable(
          ['ID', 'KIND', 'STATUS', 'SAMPLES', 'RENDERS OK', 'CREATED', 'NAME'],
          page.runs.map(runRow),
        );
        if (page.total > page.runs.length)
          process.stdout.write(`(${page.runs.length} of ${page.total} runs)\n`);
      }),
    );
  registerShowCommands(runs, ctx);
  registerRunControlCommands(runs, ctx);
  registerRunFileCommands(runs, ctx);
}

interface SamplesFlags {
  readonly status?: string;
  readonly round?: number;
  readonly offset: number;
  readonly limit: number;
  readonly json?: boolean;
}

function registerShowCommands(runs: Command, ctx: CliContext): void {
  runs
    .command('show <run>')
    .description('one run: config, counts by status, run-level scores with 95% CI')
    .option('--json', 'print the run (RunDetail) as JSON')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        const run = await withEngine(ctx, async (client) => unwrap(await client.call('runs.show', { id })));
        if (o.json) return printJson(run);
        process.stdout.write(describeRun(run));
      }),
    );
  runs
    .command('samples <run>')
    .description("a run's samples with their render status, fidelity and recognition")
    .option('--status <s>', 'only this render status (ok, timeout, …) or sample status (llm_error, …)')
    .option('--round <r>', 'only this self-correction round', integerIn(0, 1000))
    .option('--offset <n>', 'skip the first n samples', integerIn(0, 100_000_000), 0)
    .option('--limit <n>', 'how many samples (1-1000)', integerIn(1, 1000), 100)
    .option('--json', 'print the page of samples as JSON')
    .action(
      action(async (id: string, o: SamplesFlags) => {
        const request = { id, offset: o.offset, limit: o.limit, status: o.status, round: o.round };
        const page = await withEngine(ctx, async (client) =>
          unwrap(await client.call('runs.samples', request)),
        );
        if (o.json) return printJson(page);
        if (page.samples.length === 0) return void process.stdout.write('No samples.\n');
        printTable(SAMPLE_HEADER, page.samples.map(sampleRow));
        if (page.total > page.samples.length)
          process.stdout.write(`(${page.samples.length} of ${page.total} samples from ${o.offset})\n`);
      }),
    );
}
