/**
 * The matplotlib and turtle renderers: both run answers in warm sandboxed Python workers (see
 * python-worker.ts); turtle answers get the recording `turtle` module first on sys.path.
 */
import { rm } from 'node:fs/promises';
import { failure, outcomeFromImage, type OutcomeBase } from '../outcome.js';
import type { RendererConfig } from '../registry.js';
import type { LanguageRenderer, RenderOptions, RenderOutcome } from '../types.js';
import { chooseSandbox } from '../sandbox/run.js';
import type { OsSandboxKind } from '../sandbox/types.js';
import { classifyJob } from './classify.js';
import { probeMatplotlib } from './python-probe.js';
import { WorkerSlots } from './worker-slots.js';
import { PythonWorker } from './python-worker.js';

/** Options beyond the registry's config (tests force the weaker sandbox with `mode`). */
export interface PythonRendererOptions extends RendererConfig {
  readonly mode?: OsSandboxKind;
}

/** Headroom of the server's own address space above a job's limit (matplotlib + numpy mapped). */
const SERVER_HEADROOM_MB = 512;

class PythonRenderer implements LanguageRenderer {
  readonly id: string;
  private readonly slots: WorkerSlots<PythonWorker>;

  constructor(
    readonly language: 'matplotlib' | 'turtle',
    private readonly options: PythonRendererOptions,
  ) {
    this.id = language === 'turtle' ? 'python-turtle-recorder+matplotlib' : 'python3+matplotlib';
    this.slots = new WorkerSlots(Math.max(1, options.workers), (memoryMb: number) =>
      PythonWorker.start({
        serverMemoryMb: memoryMb + SERVER_HEADROOM_MB,
        ...(options.mode ? { mode: options.mode } : {}),
      }),
    );
  }

  async available(): Promise<{ readonly ok: boolean; readonly reason?: string }> {
    const probe = await probeMatplotlib();
    return probe.ok ? { ok: true } : { ok: false, reason: probe.reason ?? 'matplotlib unavailable' };
  }

  async render(code: string, options: RenderOptions): Promise<RenderOutcome> {
    const started = performance.now();
    const version = (await probeMatplotlib()).version ?? '?';
    const renderer = `${this.id}@${version}`;
    const base: OutcomeBase = { renderer, sandbox: await chooseSandbox(this.options) };
    const probe = await this.available();
    if (!probe.ok) return failure(base, started, 'runtime_error', probe.reason ?? 'python unavailable');
    return this.slots
      .use(options.limits.memoryMb, async (worker) => {
        return this.renderOn(worker, code, options, renderer, started);
      })
      .catch((error: unknown) =>
        failure(
          base,
          started,
          'runtime_error',
          `the Python render worker could not start: ${(error as Error).message}`,
        ),
      );
  }

  private async renderOn(
    worker: PythonWorker,
    code: string,
    options: RenderOptions,
    renderer: string,
    started: number,
  ): Promise<RenderOutcome> {
    {
      const base: OutcomeBase = { renderer, sandbox: worker.sandbox };
      const reply = await worker.run({
        mode: this.language,
        code,
        size: options.size,
        timeoutMs: options.limits.timeoutMs,
        memoryMb: options.limits.memoryMb,
        fileBytes: Math.max(options.limits.maxOutputBytes, 1 << 20),
        seed: options.seed,
      });
      try {
        const job = await classifyJob(reply, options.limits.timeoutMs, options.limits.maxOutputBytes);
        if (job.status === 'ok' && job.png) return outcomeFromImage(base, started, job.png, options, job.log);
        const status = job.status === 'ok' || job.status === 'blank_image' ? 'runtime_error' : job.status;
        if (job.status === 'blank_image')
          return {
            ...failure(base, started, 'runtime_error', job.error ?? '', job.log),
            status: 'blank_image',
          };
        return failure(
          base,
          started,
          status as Parameters<typeof failure>[2],
          job.error ?? job.status,
          job.log,
        );
      } finally {
        await rm(reply.jobDirHost, { recursive: true, force: true }).catch(() => undefined);
      }
    }
  }

  dispose(): Promise<void> {
    return this.slots.dispose();
  }
}

/** The Python matplotlib renderer (warm sandboxed workers). */
export function createMatplotlibRenderer(config: PythonRendererOptions): LanguageRenderer {
  return new PythonRenderer('matplotlib', config);
}

/** The Python turtle renderer (a recording turtle module, drawn with matplotlib). */
export function createTurtleRenderer(config: PythonRendererOptions): LanguageRenderer {
  return new PythonRenderer('turtle', config);
}
