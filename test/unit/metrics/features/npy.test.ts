import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeNpyFeatures, readNpyFeatures } from '../../../../main/metrics/features/npy.js';
import { npyBytes } from '../../../fixtures/npy/npy-file.js';
import { PYTHON } from '../../../fixtures/npy/python-reference.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'vcheck-npy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('.npy feature reader', () => {
  it('reads float32 and float64 files written by numpy itself (versions 1 and 2)', async () => {
    execFileSync(PYTHON, [
      '-c',
      `import numpy as np, numpy.lib.format as f
a = (np.arange(12, dtype=np.float64).reshape(3, 4) - 5.5) / 3
np.save('${dir}/f8.npy', a)
np.save('${dir}/f4.npy', a.astype(np.float32))
with open('${dir}/v2.npy', 'wb') as h: f.write_array(h, a, version=(2, 0))`,
    ]);
    const expected = Array.from({ length: 12 }, (_, i) => (i - 5.5) / 3);
    const f8 = await readNpyFeatures(path.join(dir, 'f8.npy'));
    expect([f8.rows, f8.cols]).toEqual([3, 4]);
    expect(Array.from(f8.data)).toEqual(expected);
    const f4 = await readNpyFeatures(path.join(dir, 'f4.npy'));
    expect(Array.from(f4.data)).toEqual(expected.map((v) => Math.fround(v)));
    expect(Array.from((await readNpyFeatures(path.join(dir, 'v2.npy'))).data)).toEqual(expected);
  });

  it('refuses what it cannot read, naming the problem', () => {
    const bad =
      (bytes: Buffer): (() => unknown) =>
      () =>
        decodeNpyFeatures(bytes, 'x.npy');
    expect(bad(Buffer.from('hello world'))).toThrow(/x\.npy: not a NumPy \.npy file/);
    expect(bad(npyBytes([2, 2], [1, 2, 3, 4], '>f8'))).toThrow(/unsupported dtype >f8 \(big-endian/);
    expect(bad(npyBytes([2, 2], [1, 2, 3, 4], '<i4'))).toThrow(/unsupported dtype <i4 \(expected float32/);
    expect(bad(npyBytes([4], [1, 2, 3, 4]))).toThrow(/expected a 2-D N×D feature matrix, found shape \(4\)/);
    expect(bad(npyBytes([2, 2], [1, 2, 3, 4], '<f8', { fortranOrder: true }))).toThrow(/Fortran-ordered/);
    expect(bad(npyBytes([2, 2], [1, 2, 3, 4]).subarray(0, 150))).toThrow(/truncated data/);
    expect(bad(npyBytes([1, 2], [1, Number.NaN]))).toThrow(/non-finite value at row 0, column 1/);
  });

  it('agrees with numpy on the fixture writer (so other tests can trust it)', async () => {
    const file = path.join(dir, 'fixture.npy');
    writeFileSync(file, npyBytes([2, 3], [1, 2, 3, 4, 5, 6.5], '<f4'));
    const seen = execFileSync(
      PYTHON,
      ['-c', `import numpy as np; a = np.load('${file}'); print(a.dtype, a.shape, a.sum())`],
      {
        encoding: 'utf8',
      },
    );
    expect(seen.trim()).toBe('float32 (2, 3) 21.5');
    expect(Array.from((await readNpyFeatures(file)).data)).toEqual([1, 2, 3, 4, 5, 6.5]);
  });
});
