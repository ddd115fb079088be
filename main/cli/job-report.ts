/** How the CLI describes a finished job to people, and which exit code it ends with. */
import { storeVerifyParams, type JobSummary } from '../../shared/jobs.js';
import { assertNever } from '../../shared/result.js';
import { formatBytes } from './output.js';

/** Lines summarising a job's outcome. */
export function describeJob(job: JobSummary): ReadonlyArray<string> {
  if (job.status !== 'succeeded' || job.result === null) {
    return [`Job ${job.id} (${job.kind}) ${job.status}${job.error ? `: ${job.error}` : '.'}`];
  }
  const result = job.result;
  switch (result.kind) {
    case 'store.verify':
      return [
        `Checked ${result.checked} images (${formatBytes(result.bytes)}): ${result.ok} ok, ` +
          `${result.corrupt.length} corrupt, ${result.missing.length} missing, ` +
          `${result.unreferencedFiles} files not in the index.`,
        ...result.corrupt.map((item) => `  corrupt  ${item.hash}  ${item.reason}`),
        ...result.missing.map((hash) => `  missing  ${hash}`),
      ];
    case 'datasets.build':
      return [
        `Dataset ${result.name} v${result.version} (${result.id}): ${result.count} concepts, ${result.contentHash}.`,
        ...(result.stats
          ? [
              `  ${Object.entries(result.stats)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ')}`,
            ]
          : []),
      ];
    case 'models.pull': {
      const check = result.verifiedAgainst
        ? `verified against the ${result.verifiedAgainst} hash`
        : 'not verified';
      return [
        `Model ${result.id}: ${result.path} (${formatBytes(result.sizeBytes)}), sha256 ${result.sha256} (${check}).`,
      ];
    }
    case 'render.batch':
      return [
        `Rendered ${result.total} answers: ${Object.entries(result.byStatus)
          .map(([status, n]) => `${n} ${status}`)
          .join(', ')}.`,
        `  report ${result.report}${result.sheet ? `, sheet ${result.sheet}` : ''}`,
      ];
    case 'metrics.compute':
      return [
        `Scored ${result.images} images of ${result.runId}: ${result.stored} scores (${result.names.join(', ')})`,
      ];
    case 'runs.execute':
      return [
        `Run ${result.runId}: ${result.items} items (${result.doneNow} now): ${Object.entries(result.byStatus)
          .map(([status, n]) => `${n} ${status}`)
          .join(', ')}.`,
        ...(result.metricNames.length ? [`  scored: ${result.metricNames.join(', ')}`] : []),
        ...result.warnings.map((w) => `  warning: ${w}`),
      ];
    default:
      return assertNever(result, 'job result kind');
  }
}

/**
 * 0 when the job succeeded and found nothing left to fix; 1 otherwise (like fsck, so scripts can
 * tell "the store has problems" from "all good"); 130 when the user cancelled it.
 */
export function jobExitCode(job: JobSummary, cancelledByUser = false): number {
  if (cancelledByUser && job.status === 'cancelled') return 130;
  if (job.status !== 'succeeded' || job.result === null) return 1;
  const result = job.result;
  switch (result.kind) {
    case 'store.verify': {
      const repaired = storeVerifyParams.safeParse(job.params).data?.repair === true;
      return result.corrupt.length > 0 || (result.missing.length > 0 && !repaired) ? 1 : 0;
    }
    case 'datasets.build':
    case 'models.pull':
    case 'render.batch':
    case 'metrics.compute':
    case 'runs.execute':
      return 0;
    default:
      return assertNever(result, 'job result kind');
  }
}
