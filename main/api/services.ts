/** The services a handler can reach: the composition of the domain modules for one data dir. */
import type { JobRegistry } from '../jobs/registry.js';
import type { Store } from '../store/store.js';

/** Everything handlers use. */
export interface Services {
  readonly store: Store;
  readonly jobs: JobRegistry;
  readonly version: string;
}
