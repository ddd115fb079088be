/** `vcheck jobs list | resume ID | cancel ID`. */
import type { Command } from 'commander';
import type { JobSummary } from '../../../shared/jobs.js';
import { integerIn } from '../arguments.js';
import type { CliContext } from '../context.js';
import { action, CliError, unwrap } from '../errors.js';
import { followJob } from '../follow-job.js';
import { describeJob, jobExitCode } from '../job-report.js';
import { formatTime, printJson, printTable } from '../output.js';
import { withEngine } from '../with-engine.js';

function progressCell(job: JobSummary): string {
  const p = job.progress;
  if (!p) return '-';
  return p.total === null ? `${p.done}` : `${p.done}/${p.total}`;
}

function jobRow(job: JobSummary): ReadonlyArray<string> {
  return [
    job.id,
    job.kind,
    job.status,
    progressCell(job),
    String(job.attempt),
    formatTime(job.createdAt),
    job.error ?? '',
  ];
}

/** Prints a finished job for people (or as JSON) and sets the exit code. */
export function reportFinishedJob(
  job: JobSummary,
  json: boolean | undefined,
  cancelledByUser: boolean,
): void {
  if (json) printJson(job);
  else
    process.stdout.write(
      describeJob(job)
        .map((line) => `${line}\n`)
        .join(''),
    );
  process.exitCode = jobExitCode(job, cancelledByUser);
}

/** Registers `jobs list`, `jobs resume` and `jobs cancel`. */
export function registerJobsCommand(program: Command, ctx: CliContext): void {
  const jobs = program.command('jobs').description('long-running work: list, resume, cancel');
  jobs
    .command('list')
    .description('list jobs, newest first')
    .option('--limit <n>', 'how many jobs to show (1-500)', integerIn(1, 500), 50)
    .option('--json', 'print JSON')
    .action(
      action(async (options: { limit: number; json?: boolean }) => {
        const list = await withEngine(ctx, async (client) =>
          unwrap(await client.call('jobs.list', { limit: options.limit })),
        );
        if (options.json) return printJson(list);
        if (list.length === 0) return void process.stdout.write('No jobs yet.\n');
        printTable(['ID', 'KIND', 'STATUS', 'PROGRESS', 'ATTEMPT', 'CREATED', 'ERROR'], list.map(jobRow));
      }),
    );
  jobs
    .command('resume <id>')
    .description('resume an interrupted, failed or cancelled job and follow it to the end')
    .option('--json', 'print the finished job as JSON')
    .action(
      action(async (id: string, options: { json?: boolean }) => {
        const followed = await withEngine(ctx, (client) =>
          followJob(client, () => client.call('jobs.resume', { id }), { label: `resume ${id.slice(0, 8)}` }),
        );
        reportFinishedJob(followed.job, options.json, followed.cancelledByUser);
      }),
    );
  jobs
    .command('cancel <id>')
    .description('cancel a queued or interrupted job')
    .option('--json', 'print the job as JSON')
    .action(
      action(async (id: string, options: { json?: boolean }) => {
        const job = await withEngine(ctx, async (client) => unwrap(await client.call('jobs.cancel', { id })));
        if (options.json) printJson(job);
        else process.stdout.write(`Job ${job.id}: ${job.status}\n`);
        if (job.status === 'running') {
          throw new CliError(
            `job ${id} is running in another process (vcheck serve or the app): cancel it there.`,
          );
        }
      }),
    );
}
