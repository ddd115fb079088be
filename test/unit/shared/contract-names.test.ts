import { describe, expect, it } from 'vitest';
import { calls } from '../../../shared/contract.js';
import {
  CONTRACT_CALL_NAMES,
  CONTRACT_EVENT_NAMES,
  isContractCall,
  isContractEvent,
} from '../../../shared/contract-names.js';

describe('zod-free contract names used by the preload and the renderer', () => {
  it('lists exactly the calls that have a schema', () => {
    expect([...CONTRACT_CALL_NAMES].sort()).toEqual(Object.keys(calls).sort());
  });

  it('accepts contract names only, never prototype names', () => {
    for (const name of CONTRACT_CALL_NAMES) expect(isContractCall(name)).toBe(true);
    for (const name of CONTRACT_EVENT_NAMES) expect(isContractEvent(name)).toBe(true);
    for (const name of ['constructor', '__proto__', 'toString', 'runs.nope', 7, null, 'jobs.event']) {
      expect(isContractCall(name), String(name)).toBe(false);
    }
    for (const name of ['constructor', '__proto__', 'runs.list', 'jobs.events']) {
      expect(isContractEvent(name), String(name)).toBe(false);
    }
  });
});
