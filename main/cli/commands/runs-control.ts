/**
 * `vcheck runs resume|pause|cancel|rerun|sample`: the lifecycle of a run through the engine. The
 * commands that start work follow it with the progress bar (or `--detach` it); pause and cancel act
 * on a run whose job runs in this process's engine, and say so when it runs elsewhere.
 */
import type { Command } from 'commander';
import type { RunDetail } from '../../../shared/runs.js';
import type { CliContext } from '../context.js';
import { action, CliError, unwrap } from '../errors.js';
import { printJson } from '../output.js';
import { withEngine } from '../with-engine.js';
import { readConfigFile } from './run-config.js';
import { buildChanges, collectAssignment, type Assignment } from './run-changes.js';
import { announceFileOption, detachRun } from './run-detach.js';
import { resumeHint, startAndFollowRun } from './run-follow.js';
import type { RunBehaviourFlags } from './run-options.js';

function addFollowOptions(command: Command): Command {
  return command
    .option('--json', 'print { "runId": … } when the run is done')
    .option('--detach', 'continue in the background and return at once')
    .addOption(announceFileOption());
}

function registerResume(runs: Command, ctx: CliContext): void {
  addFollowOptions(
    runs
      .command('resume <run>')
      .description('continue a paused, interrupted, failed or cancelled run: exactly its unfinished items'),
  ).action(
    action(async (id: string, o: RunBehaviourFlags) => {
      if (o.detach) return detachRun(ctx, o.json);
      await startAndFollowRun(ctx, (client) => client.call('runs.resume', { id }), {
        label: `resume ${id.slice(0, 8)}`,
        json: o.json,
        announceFile: o.announceFile,
      });
    }),
  );
}

interface RerunFlags extends RunBehaviourFlags {
  readonly set?: ReadonlyArray<Assignment>;
}

function registerRerun(runs: Command, ctx: CliContext): void {
  addFollowOptions(
    runs
      .command('rerun <run>')
      .description('a new run with the config of <run> changed (the old run is never edited)')
      .option(
        '--set <key=value>',
        'change a field: dotted keys nest, values are JSON when they parse (repeatable)',
        collectAssignment,
      )
      .option('--config <file>', 'changes as YAML or JSON (--set wins over it)'),
  ).action(
    action(async (id: string, o: RerunFlags) => {
      const file = o.config ? (await readConfigFile(o.config)).fields : {};
      const changes = buildChanges(file, o.set ?? []);
      if (o.detach) return detachRun(ctx, o.json);
      await startAndFollowRun(ctx, (client) => client.call('runs.rerun', { id, changes }), {
        label: 'rerun',
        json: o.json,
        announceFile: o.announceFile,
      });
    }),
  );
}

function registerSample(runs: Command, ctx: CliContext): void {
  addFollowOptions(
    runs
      .command('sample')
      .description('install the built-in sample run (shipped answers, rendered and scored) and follow it'),
  ).action(
    action(async (o: RunBehaviourFlags) => {
      if (o.detach) return detachRun(ctx, o.json);
      await startAndFollowRun(ctx, (client) => client.call('runs.installSample', {}), {
        label: 'sample run',
        json: o.json,
        announceFile: o.announceFile,
      });
    }),
  );
}

function printStopped(run: RunDetail, json: boolean | undefined): void {
  if (json) printJson(run);
  else process.stdout.write(`Run ${run.summary.id}: ${run.summary.status}\n`);
  if (run.summary.status === 'running')
    throw new CliError(
      `run ${run.summary.id} is still running in another process (a vcheck run, vcheck serve or the app), ` +
        'which did not stop within a minute: stop it there (Ctrl-C).',
    );
}

function registerStop(runs: Command, ctx: CliContext, verb: 'pause' | 'cancel', help: string): void {
  runs
    .command(`${verb} <run>`)
    .description(help)
    .option('--json', 'print the run as JSON')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        // Works wherever the run runs: another process (a vcheck run, the app) gets a stop request.
        const run = await withEngine(ctx, async (client) =>
          unwrap(await client.call(`runs.${verb}`, { id })),
        );
        printStopped(run, o.json);
        if (!o.json && run.summary.status !== 'finished')
          process.stdout.write(`  continue it with: ${resumeHint(id)}\n`);
      }),
    );
}

function registerDelete(runs: Command, ctx: CliContext): void {
  runs
    .command('delete <run>')
    .description('delete a run that is not running, with its samples and scores (images stay in the store)')
    .option('--json', 'print { "deleted": … }')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        const result = await withEngine(ctx, async (client) =>
          unwrap(await client.call('runs.delete', { id })),
        );
        if (o.json) printJson(result);
        else process.stdout.write(`Deleted run ${result.deleted}.\n`);
      }),
    );
}

/** Registers `runs resume|pause|cancel|rerun|sample|delete`. */
export function registerRunControlCommands(runs: Command, ctx: CliContext): void {
  registerDelete(runs, ctx);
  registerResume(runs, ctx);
  registerStop(runs, ctx, 'pause', 'pause a running run (runs resume continues it)');
  registerStop(runs, ctx, 'cancel', 'cancel a run (it can still be resumed later)');
  registerRerun(runs, ctx);
  registerSample(runs, ctx);
}
