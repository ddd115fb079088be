import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../main/store/store.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { makePng } from '../../fixtures/png.js';

describe('image store', () => {
  let tmp: ReturnType<typeof tempDataDir>;
  let store: Store;
  beforeEach(() => {
    tmp = tempDataDir();
    store = openStore({ dataDir: tmp.dir });
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });

  it('names files by the sha256 of their bytes', () => {
    const png = makePng(8, 6, 3);
    const stored = store.images.put(png);
    expect(stored.hash).toBe(createHash('sha256').update(png).digest('hex'));
    expect(stored).toMatchObject({ width: 8, height: 6, bytes: png.length, created: true });
    expect(readFileSync(stored.path).equals(png)).toBe(true);
    expect(stored.path.endsWith(`${stored.hash.slice(0, 2)}/${stored.hash}.png`)).toBe(true);
  });

  it('stores identical images once', () => {
    const a = store.images.put(makePng(8, 8, 5));
    const b = store.images.put(makePng(8, 8, 5));
    const c = store.images.put(makePng(8, 8, 6));
    expect(b).toMatchObject({ hash: a.hash, created: false });
    expect(c.hash).not.toBe(a.hash);
    expect(store.images.filesOnDisk()).toHaveLength(2);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM images').get()).toEqual({ n: 2 });
  });

  it('refuses bytes that are not a valid PNG and writes nothing', () => {
    const broken = makePng(8, 8, 7);
    broken.writeUInt8(broken.readUInt8(broken.length - 20) ^ 0xff, broken.length - 20);
    expect(() => store.images.put(Buffer.from('<svg/>'))).toThrow(/signature/);
    expect(() => store.images.put(broken)).toThrow(/CRC|truncated/);
    expect(store.images.filesOnDisk()).toHaveLength(0);
  });

  it('resolves only well-formed hashes', () => {
    const { hash } = store.images.put(makePng(4, 4, 1));
    expect(store.images.existingPath(hash)).not.toBeNull();
    for (const bad of [
      '../vcheck.sqlite',
      `${hash}/../../x`,
      hash.toUpperCase(),
      `${hash}.png`,
      '',
      'a'.repeat(64),
    ]) {
      const p = store.images.existingPath(bad);
      expect(p === null || !existsSync(p)).toBe(true);
      if (bad !== 'a'.repeat(64)) expect(store.images.pathOf(bad)).toBeNull();
    }
  });
});
