/**
 * Types of the OS sandbox that runs system tools (Python, pdflatex) on untrusted input: which
 * isolation was used, the limits, and what a run produced.
 */

/** The isolation a run actually had: `bubblewrap` (namespaces + unprivileged uid + rlimits) or `rlimits` only. */
export type OsSandboxKind = 'bubblewrap' | 'rlimits';

/** Resource limits of one sandboxed process tree. */
export interface SandboxLimits {
  /** Wall-clock limit in ms, enforced by SIGKILL (`timeout -s KILL` and our own timer). */
  readonly wallMs: number;
  /** Address-space limit per process in MiB (RLIMIT_AS). */
  readonly memoryMb: number;
  /** CPU seconds per process (RLIMIT_CPU). */
  readonly cpuSeconds: number;
  /** Largest file a process may write, in bytes (RLIMIT_FSIZE). */
  readonly fileBytes: number;
  /** Processes of the sandbox user (RLIMIT_NPROC; counted per user namespace under bubblewrap). */
  readonly processes: number;
  /** Open files per process (RLIMIT_NOFILE). */
  readonly openFiles: number;
  /** stdout + stderr bytes kept; past 4x this the run is killed as `outputExceeded`. */
  readonly outputBytes: number;
}

/** Paths as the sandboxed program sees them (they differ between bubblewrap and rlimits mode). */
export interface SandboxView {
  /** The writable scratch directory (`/work` under bubblewrap). */
  readonly scratch: string;
  /** Where each read-only extra bind appears, by its key. */
  readonly binds: Readonly<Record<string, string>>;
}

/** A read-only host directory made visible to the sandbox (e.g. the shipped harness scripts). */
export interface SandboxBind {
  readonly host: string;
  /** Absolute path inside the bubblewrap sandbox. */
  readonly inside: string;
}

/** What to run. `argv` is built from the view so paths are right in either mode. */
export interface SandboxSpec {
  readonly argv: (view: SandboxView) => ReadonlyArray<string>;
  readonly env: Readonly<Record<string, string>>;
  readonly limits: SandboxLimits;
  /** Extra read-only binds, by key (the key names the entry of {@link SandboxView.binds}). */
  readonly binds?: Readonly<Record<string, SandboxBind>>;
  /** Force a mode (tests of the weaker mode); default: bubblewrap when it works here. */
  readonly mode?: OsSandboxKind;
  readonly stdin?: string;
}

/** How a run ended. */
export interface SandboxResult {
  readonly sandbox: OsSandboxKind;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Killed at the wall-clock limit. */
  readonly timedOut: boolean;
  /** Killed because stdout/stderr grew past the hard cap. */
  readonly outputExceeded: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
}
