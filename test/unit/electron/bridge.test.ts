import { describe, expect, it } from 'vitest';
import { createBridge, type IpcListener, type RendererIpc } from '../../../main/electron/bridge.js';
import { CALL_NAMES, EVENT_NAMES } from '../../../shared/contract.js';
import { IPC_CALL_PREFIX, IPC_EVENT_PREFIX } from '../../../shared/transport.js';

/** A stand-in for electron's ipcRenderer (electron cannot run here): records invokes, keeps listeners. */
class FakeIpc implements RendererIpc {
  readonly invoked: Array<{ channel: string; request: unknown }> = [];
  readonly listeners = new Map<string, Set<IpcListener>>();
  answer: (channel: string, request: unknown) => Promise<unknown> = async (channel) => ({
    ok: true,
    value: channel,
  });

  invoke(channel: string, request: unknown): Promise<unknown> {
    this.invoked.push({ channel, request });
    return this.answer(channel, request);
  }
  on(channel: string, listener: IpcListener): void {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
  }
  removeListener(channel: string, listener: IpcListener): void {
    this.listeners.get(channel)?.delete(listener);
  }
  emit(channel: string, payload: unknown): void {
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: 'secret' }, payload);
  }
}

describe('preload bridge: calls', () => {
  it('forwards every contract call to its invoke channel with the request untouched', async () => {
    const ipc = new FakeIpc();
    const bridge = createBridge(ipc);
    for (const name of CALL_NAMES) {
      await expect(bridge.call(name, { limit: 1 })).resolves.toEqual({
        ok: true,
        value: IPC_CALL_PREFIX + name,
      });
    }
    expect(ipc.invoked.map((i) => i.channel)).toEqual(CALL_NAMES.map((n) => IPC_CALL_PREFIX + n));
    expect(ipc.invoked.every((i) => (i.request as { limit: number }).limit === 1)).toBe(true);
  });

  it.each([
    'runs.drop',
    'constructor',
    '__proto__',
    'toString',
    '',
    'vcheck:call:runs.list',
    'runs.list ',
    '../runs.list',
  ])('refuses %j with an unknown_call Result and sends nothing', async (name) => {
    const ipc = new FakeIpc();
    const answer = await createBridge(ipc).call(name, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(ipc.invoked).toEqual([]);
  });

  it('refuses names that are not strings', async () => {
    const ipc = new FakeIpc();
    const bridge = createBridge(ipc);
    for (const name of [42, null, { toString: () => 'runs.list' }, ['runs.list']]) {
      await expect(bridge.call(name as unknown as string, {})).resolves.toMatchObject({ ok: false });
    }
    expect(ipc.invoked).toEqual([]);
  });

  it('turns a rejected invoke into an internal Result instead of throwing into the page', async () => {
    const ipc = new FakeIpc();
    ipc.answer = async () => {
      throw new Error('An object could not be cloned.');
    };
    await expect(createBridge(ipc).call('runs.list', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'An object could not be cloned.' },
    });
  });
});

describe('preload bridge: events', () => {
  it('delivers only the payload of contract events, and unsubscribes once', () => {
    const ipc = new FakeIpc();
    const seen: unknown[][] = [];
    const off = createBridge(ipc).on('jobs.event', (...args) => seen.push(args));
    ipc.emit(IPC_EVENT_PREFIX + 'jobs.event', { type: 'status' });
    expect(seen).toEqual([[{ type: 'status' }]]);
    off();
    off();
    ipc.emit(IPC_EVENT_PREFIX + 'jobs.event', { type: 'later' });
    expect(seen).toHaveLength(1);
    expect(ipc.listeners.get(IPC_EVENT_PREFIX + 'jobs.event')?.size).toBe(0);
  });

  it('subscribes to each contract event on its own channel', () => {
    const ipc = new FakeIpc();
    const bridge = createBridge(ipc);
    for (const event of EVENT_NAMES) bridge.on(event, () => undefined);
    expect([...ipc.listeners.keys()]).toEqual(EVENT_NAMES.map((e) => IPC_EVENT_PREFIX + e));
  });

  it.each(['jobs.progress', 'vcheck:call:runs.list', 'hasOwnProperty', ''])('throws on event %j', (event) => {
    const ipc = new FakeIpc();
    expect(() => createBridge(ipc).on(event, () => undefined)).toThrow(/not an event of the contract/);
    expect(ipc.listeners.size).toBe(0);
  });

  it('throws when the listener is not a function', () => {
    const ipc = new FakeIpc();
    expect(() => createBridge(ipc).on('jobs.event', 'x' as unknown as () => void)).toThrow(TypeError);
  });
});
