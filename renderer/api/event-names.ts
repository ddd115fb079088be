/**
 * The contract's event names, checked without importing shared/contract.ts at run time: that
 * module builds zod schemas, and zod probes `new Function` (a CSP violation in this page) and
 * would add ~250 kB to the bundle for a list of two names.
 */
import type { EventName } from '../../shared/contract.js';

// A Record over EventName fails to compile when the contract gains or loses an event.
const KNOWN: Readonly<Record<EventName, true>> = { 'jobs.event': true, 'store.changed': true };

/** True when `name` is an event of the contract. */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(KNOWN, name);
}
