import { describe, expect, it } from 'vitest';
import { CALL_NAMES, EVENT_NAMES, isCallName, isEventName } from '../../../shared/contract.js';
import {
  CONTRACT_CALL_NAMES,
  CONTRACT_EVENT_NAMES,
  isContractCall,
  isContractEvent,
} from '../../../shared/contract-names.js';

describe('zod-free contract names used by the preload', () => {
  it('lists exactly the calls and events of the contract', () => {
    expect([...CONTRACT_CALL_NAMES].sort()).toEqual([...CALL_NAMES].sort());
    expect([...CONTRACT_EVENT_NAMES].sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('agrees with the contract guards, including on prototype names', () => {
    for (const name of [...CALL_NAMES, ...EVENT_NAMES, 'constructor', '__proto__', 'runs.nope', 7]) {
      expect(isContractCall(name), String(name)).toBe(isCallName(name));
      expect(isContractEvent(name), String(name)).toBe(isEventName(name));
    }
  });
});
