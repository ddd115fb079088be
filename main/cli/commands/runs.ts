/** `vcheck runs list`: the run history, newest first. */
import type { Command } from 'commander';
import type { RunSummary } from '../../../shared/runs.js';
import { integerIn } from '../arguments.js';
import type { CliContext } from '../context.js';
import { action, unwrap } from '../errors.js';
import { formatTime, printJson, printTable } from '../output.js';
import { withEngine } from '../with-engine.js';

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

/** Registers `runs list`. */
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
}
