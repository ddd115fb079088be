/**
 * A warm Python render worker: one long-lived `server.py` (matplotlib already imported) inside the
 * OS sandbox, which forks one child per job. Containment: the server itself runs under bubblewrap
 * as the unprivileged sandbox uid in its own PID namespace; each forked child lowers its own
 * rlimits, runs in a fresh job directory, and is swept (with anything it started) before the reply.
 * A worker that stops answering is killed and replaced.
 */
import { createInterface } from 'node:readline';
import { spawnSandboxed, type SandboxedProcess } from '../sandbox/spawn.js';
import type { OsSandboxKind } from '../sandbox/types.js';
import { restoreFontCache, saveFontCache } from './font-cache.js';
import { pythonHarnessDir, SYSTEM_PYTHON } from './python-probe.js';

/** One job as the server reads it. */
export interface PythonJob {
  readonly mode: 'matplotlib' | 'turtle';
  readonly code: string;
  readonly size: number;
  readonly timeoutMs: number;
  readonly memoryMb: number;
  readonly fileBytes: number;
  readonly seed: number;
}

/** The server's reply, plus where the job's files are on the host. */
export interface PythonReply {
  readonly timedOut: boolean;
  readonly signal?: number;
  readonly exitCode?: number;
  /** The worker died or stopped answering (the job is reported as a timeout or crash). */
  readonly workerLost?: string;
  readonly jobDirHost: string;
}

/** Options of {@link PythonWorker.start}. */
export interface PythonWorkerOptions {
  readonly mode?: OsSandboxKind;
  /** Address-space limit of the server itself (jobs lower theirs). */
  readonly serverMemoryMb: number;
}

const INSIDE_HARNESS = '/opt/vcheck/python';
const READY_TIMEOUT_MS = 30_000;
/** Slack on top of a job's own deadline before the whole worker is considered hung. */
const REPLY_GRACE_MS = 3_000;

/** A running warm worker; `run` must not be called concurrently (the renderer queues). */
export class PythonWorker {
  private lines: AsyncIterator<string>;
  private jobs = 0;
  private lost: string | undefined;
  private stderrTail = '';

  private constructor(private readonly proc: SandboxedProcess) {
    this.lines = createInterface({ input: proc.child.stdout })[Symbol.asyncIterator]();
    proc.child.stderr.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-2000);
    });
    proc.child.once('close', () => (this.lost ??= `worker exited: ${this.stderrTail.trim().slice(-300)}`));
  }

  /** Which sandbox the worker runs in. */
  get sandbox(): OsSandboxKind {
    return this.proc.sandbox;
  }

  /** Whether the worker can take jobs. */
  get alive(): boolean {
    return this.lost === undefined;
  }

  /** Starts a worker and waits until matplotlib is imported. */
  static async start(options: PythonWorkerOptions): Promise<PythonWorker> {
    const proc = await spawnSandboxed(
      {
        argv: (view) => [
          SYSTEM_PYTHON,
          '-s',
          '-B',
          `${view.binds.python}/server.py`,
          ...(view.scratch === '/work' ? ['--pid-namespace'] : []),
        ],
        env: { MPLBACKEND: 'Agg', OPENBLAS_NUM_THREADS: '1', PYTHONHASHSEED: '0', LANG: 'C.UTF-8' },
        limits: {
          wallMs: Infinity,
          memoryMb: options.serverMemoryMb,
          cpuSeconds: Infinity,
          fileBytes: 64 << 20,
          processes: 64,
          openFiles: 256,
          outputBytes: 1 << 20,
        },
        binds: { python: { host: pythonHarnessDir(), inside: INSIDE_HARNESS } },
        ...(options.mode ? { mode: options.mode } : {}),
      },
      restoreFontCache,
    );
    const worker = new PythonWorker(proc);
    await worker.awaitReady().catch(async (error: unknown) => {
      await proc.stop();
      throw error;
    });
    await saveFontCache(proc.scratchHost);
    return worker;
  }

  private async awaitReady(): Promise<void> {
    const line = await this.nextLine(READY_TIMEOUT_MS);
    if (line === undefined || !line.includes('"ready"'))
      throw new Error(`python worker did not start: ${this.lost ?? this.stderrTail}`);
  }

  /** Runs one job; never throws for what the job did. */
  async run(job: PythonJob): Promise<PythonReply> {
    const name = `job-${++this.jobs}`;
    const jobDirHost = `${this.proc.scratchHost}/${name}`;
    if (this.lost) return { timedOut: false, workerLost: this.lost, jobDirHost };
    const view = this.proc.view;
    const request = {
      ...job,
      id: name,
      dir: `${view.scratch}/${name}`,
      pythonDir: view.binds.python,
      mplConfigDir: `${view.scratch}/mplconfig`,
      readable: [
        '/usr',
        '/etc/fonts',
        '/etc/alternatives',
        '/etc/matplotlibrc',
        '/dev/null',
        '/dev/urandom',
        view.binds.python,
        `${view.scratch}/mplconfig`,
      ],
    };
    this.proc.child.stdin.write(`${JSON.stringify(request)}\n`);
    const line = await this.nextLine(job.timeoutMs + REPLY_GRACE_MS);
    if (line === undefined) {
      await this.stop();
      return { timedOut: true, workerLost: this.lost ?? 'worker did not answer', jobDirHost };
    }
    const reply = JSON.parse(line) as { timedOut: boolean; signal?: number; exitCode?: number };
    return { ...reply, jobDirHost };
  }

  private async nextLine(timeoutMs: number): Promise<string | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    const next = this.lines.next().then((r) => (r.done ? undefined : r.value));
    try {
      return await Promise.race([next, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Kills the worker and deletes its scratch directory. */
  async stop(): Promise<void> {
    this.lost ??= 'worker stopped';
    await this.proc.stop();
  }
}
