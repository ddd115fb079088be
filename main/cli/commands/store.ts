/** `vcheck store verify [--repair]` and `vcheck store stats`. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { action, unwrap } from '../errors.js';
import { followJob } from '../follow-job.js';
import { formatBytes, printJson, printTable } from '../output.js';
import { withEngine } from '../with-engine.js';
import { reportFinishedJob } from './jobs.js';

/** Registers the `store` commands. */
export function registerStoreCommand(program: Command, ctx: CliContext): void {
  const store = program.command('store').description('the run history and image store');
  store
    .command('verify')
    .description('check every stored image (hash, PNG structure, index); exit 1 when problems remain')
    .option('--repair', 'drop index rows of missing images and index unindexed files')
    .option('--json', 'print the finished job as JSON')
    .action(
      action(async (options: { repair?: boolean; json?: boolean }) => {
        const params = { repair: options.repair === true };
        const followed = await withEngine(ctx, (client) =>
          followJob(client, () => client.call('jobs.start', { kind: 'store.verify', params }), {
            label: 'verify',
          }),
        );
        reportFinishedJob(followed.job, options.json, followed.cancelledByUser);
      }),
    );
  store
    .command('stats')
    .description('row and byte counts of the store')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }) => {
        const stats = await withEngine(ctx, async (client) => unwrap(await client.call('store.stats', {})));
        if (options.json) return printJson(stats);
        const rows = Object.entries(stats).map(([name, value]) => [
          name,
          name === 'imageBytes' ? formatBytes(value) : String(value),
        ]);
        printTable(['WHAT', 'COUNT'], rows);
      }),
    );
}
