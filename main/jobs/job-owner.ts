/**
 * Whether the process that owns a running job is still alive. Owners are `host:pid`. On this host
 * the pid is checked directly (and a long-silent heartbeat still counts as dead, against pid
 * reuse); on another host (a data directory on a shared disk) only the heartbeat can tell.
 */
import os from 'node:os';

/** The owner tag of this process. */
export function currentOwner(): string {
  return `${os.hostname()}:${process.pid}`;
}

/** How often a registry refreshes the heartbeat of its running jobs. */
export const HEARTBEAT_INTERVAL_MS = 10_000;

/** A heartbeat older than this means the owner is gone. */
export const HEARTBEAT_STALE_MS = 120_000;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when a job row's owner can no longer be running it. */
export function ownerGone(owner: string | null, heartbeatAt: string | null, now = Date.now()): boolean {
  if (owner === null || heartbeatAt === null) return true; // written before owners were recorded
  if (now - Date.parse(heartbeatAt) > HEARTBEAT_STALE_MS) return true;
  const split = owner.lastIndexOf(':');
  const host = owner.slice(0, split);
  const pid = Number(owner.slice(split + 1));
  if (host !== os.hostname() || !Number.isInteger(pid)) return false;
  return !pidAlive(pid);
}
