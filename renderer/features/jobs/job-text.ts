/** Words for jobs: titles per kind, result summaries, which actions a status allows. */
import type { JobKind, JobResult, JobStatus } from '../../../shared/jobs.js';
import { assertNever } from '../../../shared/result.js';
import { formatBytes } from '../../components/format.js';

/** What a job kind does, for people. */
export function jobTitle(kind: JobKind): string {
  switch (kind) {
    case 'store.verify':
      return 'Verify image store';
    case 'datasets.build':
      return 'Build dataset';
    case 'models.pull':
      return 'Download model';
    case 'render.batch':
      return 'Render answers';
    case 'metrics.compute':
      return 'Compute metrics';
    case 'runs.execute':
      return 'Run experiment';
    default:
      return assertNever(kind, 'job kind');
  }
}

/** One line summarising a finished job's result. */
export function resultSummary(result: JobResult): string {
  switch (result.kind) {
    case 'store.verify': {
      const problems = result.corrupt.length + result.missing.length;
      const health =
        problems === 0 ? 'all intact' : `${result.corrupt.length} corrupt, ${result.missing.length} missing`;
      return `${result.checked} images checked (${formatBytes(result.bytes)}): ${health}; ${result.unreferencedFiles} unreferenced files`;
    }
    case 'datasets.build':
      return `${result.name} v${result.version}: ${result.count} concepts`;
    case 'models.pull':
      return `model ${result.id} (${formatBytes(result.sizeBytes)}), sha256 ${result.verifiedAgainst ? 'verified' : 'not verified'}`;
    case 'render.batch':
      return `${result.total} answers rendered: ${result.byStatus['ok'] ?? 0} ok`;
    case 'metrics.compute':
      return `${result.images} images scored: ${result.stored} scores (${result.names.join(', ')})`;
    case 'runs.execute':
      return `${result.items} items (${result.doneNow} now), ${Object.entries(result.byStatus)
        .map(([status, n]) => `${n} ${status}`)
        .join(', ')}`;
    default:
      return assertNever(result, 'job result');
  }
}

/** True while a job is waiting or working (it can be cancelled). */
export function isActive(status: JobStatus): boolean {
  return status === 'queued' || status === 'running';
}

/** True when a job can be resumed: its process died while it ran. */
export function isResumable(status: JobStatus): boolean {
  return status === 'interrupted';
}
