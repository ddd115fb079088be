/**
 * Migration 7: who runs a job. Several processes may open one data directory (the app, `vcheck`
 * commands, web mode); a process that opens it must not declare another live process's jobs
 * interrupted. A running job records its owner (`host:pid`) and a heartbeat the owner refreshes;
 * only jobs whose owner is gone (or silent for long) are recovered. A process that wants another's
 * job stopped (the app cancelling a `vcheck` run) writes a stop request the owner polls.
 * Never edit once released.
 */
export const migration007 = {
  version: 7,
  name: 'job-owner',
  sql: `
ALTER TABLE jobs ADD COLUMN owner TEXT;
ALTER TABLE jobs ADD COLUMN heartbeat_at TEXT;
ALTER TABLE jobs ADD COLUMN stop_request TEXT;   -- cancel | pause, asked by another process; the owner polls it
`,
} as const;
