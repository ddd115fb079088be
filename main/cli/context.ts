/**
 * What every `vcheck` command gets: the data directory (from `--data-dir`, `VCHECK_DATA_DIR` or the
 * platform default), a way to open the engine on it, and web mode. Commands never touch the store
 * or the server directly; they go through this context and the contract.
 */
import type { Engine } from '../api/engine.js';

/** Options of {@link CliContext.serve}. */
export interface ServeOptions {
  /** Port to bind; 0 picks a free one. */
  readonly port: number;
  /** Interface to bind (default 127.0.0.1). */
  readonly host?: string;
  /** Serve the renderer from source through Vite. */
  readonly dev?: boolean;
}

/** Shared by every command; created once in bin.ts after the global options are parsed. */
export interface CliContext {
  /** The resolved, absolute data directory. */
  dataDir(): string;
  /** Opens the engine on {@link dataDir}; the caller closes it (see `withEngine`). */
  openEngine(): Promise<Engine>;
  /**
   * Runs web mode until SIGINT/SIGTERM: prints the URL (token included) as the first line of
   * stdout, then shuts down cleanly. Resolves with the process exit code.
   */
  serve(options: ServeOptions): Promise<number>;
}
