/**
 * The engine: the one implementation of the contract, shared by every face. A face opens an engine
 * on a data directory, sends it untrusted `(name, request)` pairs and listens to its events.
 */
import type { EventName, EventPayloads } from '../../shared/contract.js';
import type { Result } from '../../shared/result.js';

/** Options for {@link openEngine}. */
export interface EngineOptions {
  /** The data directory (SQLite file, image store, models). Created when missing. */
  readonly dataDir: string;
  /**
   * Path of a better-sqlite3 native binary to load instead of the default one (Electron on a
   * workstation uses a copy rebuilt for Electron's ABI so plain-Node tests keep working).
   */
  readonly sqliteNativeBinding?: string;
  /** Mark jobs left `running` by a dead process as `interrupted` at open (default true). */
  readonly recoverInterruptedJobs?: boolean;
}

/** A listener for every event of the engine. */
export type EngineListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** The running engine. */
export interface Engine {
  readonly dataDir: string;
  /** Validates `request` against the contract, runs the handler, maps failures to a Result. Never throws. */
  dispatch(name: string, request: unknown): Promise<Result<unknown>>;
  /** Subscribes to every event; returns the unsubscribe function. */
  subscribe(listener: EngineListener): () => void;
  /** Absolute path of an image in the store, or null when the hash is malformed or absent. */
  imagePath(hash: string): string | null;
  /** Waits for running jobs to stop (cancelling them) and closes the store. */
  close(): Promise<void>;
}
