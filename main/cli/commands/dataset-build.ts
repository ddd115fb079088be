/**
 * `vcheck datasets create|import`: both start a `datasets.build` job, follow it with a progress bar
 * and print `{ id, count, contentHash }` with --json. A failed build is one line on stderr (an
 * importer's error names the file and line) and a non-zero exit; nothing is half-imported.
 */
import path from 'node:path';
import type { DatasetBuildRequest } from '../../../shared/jobs.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { followJob } from '../follow-job.js';
import { describeJob } from '../job-report.js';
import { printJson } from '../output.js';
import { withEngine } from '../with-engine.js';

/** Builds a dataset version through the engine and reports it. */
export async function buildDataset(
  ctx: CliContext,
  params: DatasetBuildRequest,
  json: boolean | undefined,
): Promise<void> {
  const followed = await withEngine(ctx, (client) =>
    followJob(client, () => client.call('jobs.start', { kind: 'datasets.build', params }), {
      label: 'dataset',
    }),
  );
  const { job } = followed;
  if (followed.cancelledByUser && job.status === 'cancelled')
    throw new CliError('cancelled; nothing was written', 130);
  if (job.status !== 'succeeded' || job.result?.kind !== 'datasets.build') {
    throw new CliError(job.error ?? `the build ${job.status}`);
  }
  const { id, count, contentHash } = job.result;
  if (json) printJson({ id, count, contentHash });
  else
    process.stdout.write(
      describeJob(job)
        .map((line) => `${line}\n`)
        .join(''),
    );
}

/** `--attribute colour=red,blue` (repeatable) → `{ colour: ['red', 'blue'] }`. */
export function collectAttribute(
  value: string,
  previous: Record<string, string[]> = {},
): Record<string, string[]> {
  const match = /^([A-Za-z][\w-]*)=(.+)$/.exec(value.trim());
  if (!match) throw new CliError(`--attribute expects NAME=VALUE[,VALUE…], got "${value}"`);
  const [, name = '', values = ''] = match;
  return { ...previous, [name]: [...(previous[name] ?? []), ...splitList(values)] };
}

/** `a,b , c` → `['a', 'b', 'c']`. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** A CSV column given as a 1-based number or a header name. */
export function columnRef(value: string): string | number {
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** The absolute path of an input file (the engine may run with another working directory). */
export function inputFile(file: string): string {
  return path.resolve(file);
}
