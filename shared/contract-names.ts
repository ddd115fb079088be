/**
 * The contract's call and event names as plain data, without zod. The Electron preload bundles this
 * file (a sandboxed preload is one CommonJS file, and pulling zod and every schema into it would only
 * add weight to each window). The type checks below keep it identical to shared/contract.ts.
 */
import type { CallName, EventName } from './contract.js';

/** Every call name of the contract. */
export const CONTRACT_CALL_NAMES = [
  'app.info',
  'doctor.report',
  'store.stats',
  'runs.list',
  'runs.get',
  'runs.create',
  'runs.show',
  'runs.samples',
  'runs.pause',
  'runs.resume',
  'runs.cancel',
  'runs.delete',
  'runs.rerun',
  'runs.export',
  'runs.report',
  'runs.installSample',
  'drawings.save',
  'drawings.list',
  'drawings.get',
  'datasets.list',
  'datasets.get',
  'datasets.preview',
  'datasets.export',
  'datasets.delete',
  'jobs.list',
  'jobs.get',
  'jobs.start',
  'jobs.cancel',
  'jobs.resume',
  'models.list',
  'models.catalogue',
  'models.info',
  'models.inspect',
  'models.import',
  'models.remove',
  'llm.ask',
  'llm.cacheClear',
  'templates.list',
  'templates.save',
  'metrics.fid',
  'metrics.forRun',
  'metrics.models',
  'metrics.importModel',
  'render.preview',
] as const satisfies ReadonlyArray<CallName>;

/** Every event name of the contract. */
export const CONTRACT_EVENT_NAMES = [
  'jobs.event',
  'store.changed',
] as const satisfies ReadonlyArray<EventName>;

// A call or event added to the contract but not here fails to compile (`satisfies` above catches the reverse).
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never]
  ? true
  : { readonly missing: Exclude<All, Listed> };
const callsComplete: Missing<CallName, (typeof CONTRACT_CALL_NAMES)[number]> = true;
const eventsComplete: Missing<EventName, (typeof CONTRACT_EVENT_NAMES)[number]> = true;
void callsComplete;
void eventsComplete;

const callNames: ReadonlySet<string> = new Set(CONTRACT_CALL_NAMES);
const eventNames: ReadonlySet<string> = new Set(CONTRACT_EVENT_NAMES);

/** True when `name` is a call of the contract (zod-free twin of `isCallName`). */
export function isContractCall(name: unknown): name is CallName {
  return typeof name === 'string' && callNames.has(name);
}

/** True when `name` is an event of the contract (zod-free twin of `isEventName`). */
export function isContractEvent(name: unknown): name is EventName {
  return typeof name === 'string' && eventNames.has(name);
}
