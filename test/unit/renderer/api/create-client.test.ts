/**
 * Transport selection: the preload bridge when the page has one, web mode otherwise. The bridge is
 * backed by a real engine on a temp data dir, exactly as the preload forwards to main.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../../main/api/engine.js';
import { openEngine } from '../../../../main/api/open-engine.js';
import { createApiClient, type ClientHost } from '../../../../renderer/api/create-client.js';
import type { PreloadBridge } from '../../../../shared/transport.js';
import { tempDataDir } from '../../../fixtures/data-dir.js';
import { seedStore } from '../../../fixtures/seed.js';

const HASH = 'ab'.repeat(32);

/** A page without a preload: location, history and sessionStorage as a browser tab has them. */
function webPage(href: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  const page = {
    location: { href, origin: new URL(href).origin },
    history: {
      state: null,
      replaceState: (_data: unknown, _unused: string, url?: string | URL | null) => {
        replaced.push(String(url));
      },
    },
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    },
  } satisfies ClientHost;
  return { page, storage, replaced };
}

/** The bridge the preload builds: `call` forwards to main's dispatcher, `on` to its events. */
function engineBridge(engine: Engine): PreloadBridge {
  return {
    call: (name, request) => engine.dispatch(name, request),
    on: (event, listener) =>
      engine.subscribe((name, payload) => {
        if (name === event) listener(payload);
      }),
  };
}

describe('transport selection under Electron', () => {
  const temp = tempDataDir('vcheck-renderer-');
  let engine: Engine;
  beforeAll(async () => {
    seedStore(temp.dir, { runs: 1, images: 1 });
    engine = await openEngine({ dataDir: temp.dir });
  });
  afterAll(async () => {
    await engine.close();
    temp.cleanup();
  });

  it('uses window.vcheck for calls and the image protocol for images', async () => {
    const { page } = webPage('file:///app/index.html');
    const api = createApiClient({ ...page, vcheck: engineBridge(engine) });
    expect(api.mode).toBe('electron');
    expect(api.imageUrl(HASH)).toBe(`vcheck-image://img/${HASH}.png`);
    const result = await api.call('runs.list', {});
    expect(result.ok && result.value.runs.map((run) => run.name)).toEqual(['seeded run 1']);
  });

  it('delivers engine events through the bridge', async () => {
    const api = createApiClient({ ...webPage('file:///app/index.html').page, vcheck: engineBridge(engine) });
    const statuses: string[] = [];
    const off = api.on('jobs.event', (event) => {
      if (event.type === 'status') statuses.push(event.job.status);
    });
    const started = await api.call('jobs.start', { kind: 'store.verify', params: { repair: false } });
    expect(started.ok).toBe(true);
    await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe('succeeded');
    off();
  });

  it('turns a rejecting bridge into an unavailable Result', async () => {
    const bridge: PreloadBridge = {
      call: () => Promise.reject(new Error('channel closed')),
      on: () => () => undefined,
    };
    const result = await createApiClient({ ...webPage('file:///x').page, vcheck: bridge }).call(
      'app.info',
      {},
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'app.info: channel closed' },
    });
  });

  it('turns an answer that is not a Result into an unavailable Result', async () => {
    const bridge: PreloadBridge = {
      call: () => Promise.resolve({ version: '1' }),
      on: () => () => undefined,
    };
    const result = await createApiClient({ ...webPage('file:///x').page, vcheck: bridge }).call(
      'app.info',
      {},
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('transport selection in a browser tab', () => {
  it('takes the token from the URL, keeps it for the tab and removes it from the address bar', () => {
    const { page, storage, replaced } = webPage('http://127.0.0.1:4000/?token=t0k&x=1#/settings');
    const api = createApiClient(page);
    expect(api.mode).toBe('web');
    expect(storage.get('vcheck.token')).toBe('t0k');
    expect(replaced).toEqual(['http://127.0.0.1:4000/?x=1#/settings']);
    expect(api.imageUrl(HASH)).toBe(`http://127.0.0.1:4000/images/${HASH}.png`);
  });

  it('reuses the stored token after a reload without one', async () => {
    const { page, replaced } = webPage('http://127.0.0.1:1/#/runs', { 'vcheck.token': 'kept' });
    const seen: (string | null)[] = [];
    const fetchSpy: typeof fetch = (_input, init) => {
      seen.push(new Headers(init?.headers).get('authorization'));
      return Promise.resolve(Response.json({ ok: true, value: {} }));
    };
    const api = createApiClient({ ...page, fetch: fetchSpy });
    await api.call('app.info', {});
    expect(seen).toEqual(['Bearer kept']);
    expect(replaced).toEqual([]);
  });

  it('ignores a vcheck global that is not a bridge', () => {
    const { page } = webPage('http://127.0.0.1:4000/');
    const host = { ...page, vcheck: { call: 'nope' } as unknown as PreloadBridge };
    expect(createApiClient(host).mode).toBe('web');
  });
});
