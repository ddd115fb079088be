/** The ustar writer, read back by Python's tarfile (which checks every header checksum) and GNU tar. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TarWriter, ustarHeader } from '../../../../main/experiments/export/tar-writer.js';
import { conceptLabel } from '../../../../main/experiments/export/image-folder-export.js';
import { csvCell } from '../../../../main/experiments/export/tabular-export.js';
import { tempDataDir } from '../../../fixtures/data-dir.js';

const READ_TAR = `
import hashlib, json, sys, tarfile
with tarfile.open(sys.argv[1], "r:") as tar:
    out = [{"name": m.name, "size": m.size, "mtime": m.mtime, "mode": m.mode, "reg": m.isreg(),
            "sha": hashlib.sha256(tar.extractfile(m).read()).hexdigest()} for m in tar.getmembers()]
print(json.dumps(out))
`;

describe('ustar writer', () => {
  const temp = tempDataDir('vcheck-tar-');
  afterAll(() => temp.cleanup());

  it('writes entries at block boundaries that tarfile and GNU tar read back byte for byte', () => {
    const file = path.join(temp.dir, 'a.tar');
    const tar = new TarWriter(file, 1_700_000_000);
    const sizes = [0, 1, 511, 512, 513, 5000];
    const blobs = sizes.map((n, i) => Buffer.alloc(n, i + 1));
    blobs.forEach((blob, i) => tar.add(`sample-${i}.bin`, blob));
    tar.add('caption.txt', Buffer.from('ünïcode ✓', 'utf8'));
    tar.finish();
    const read = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', READ_TAR, file], { encoding: 'utf8' }),
    ) as {
      name: string;
      size: number;
      mtime: number;
      mode: number;
      reg: boolean;
      sha: string;
    }[];
    expect(read.map((m) => m.name)).toEqual([...sizes.map((_, i) => `sample-${i}.bin`), 'caption.txt']);
    blobs.forEach((blob, i) => {
      expect(read[i]).toMatchObject({ size: blob.length, mtime: 1_700_000_000, mode: 0o644, reg: true });
      expect(read[i]!.sha).toBe(createHash('sha256').update(blob).digest('hex'));
    });
    expect(tar.bytes % 512).toBe(0);
    expect(readFileSync(file).subarray(257, 265).toString('latin1')).toBe('ustar\u000000');
    const listing = execFileSync('tar', ['-tf', file], { encoding: 'utf8' }).trim().split('\n');
    expect(listing).toHaveLength(7);
  });

  it('refuses names that do not fit the 100-byte name field', () => {
    expect(() => ustarHeader('x'.repeat(101), 1, 0)).toThrow(RangeError);
    expect(ustarHeader('x'.repeat(100), 1, 0)).toHaveLength(512);
  });
});

describe('export cells and labels', () => {
  it('quotes CSV fields per RFC 4180 and writes nested values as JSON', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(['x', 'y'])).toBe('"[""x"",""y""]"');
  });

  it('makes concept folder names safe and keeps distinct concepts apart', () => {
    expect(conceptLabel({ concept_key: 'red-circle', concept_idx: 0 })).toBe('red-circle');
    expect(conceptLabel({ concept_key: null, concept_idx: 7 })).toBe('concept-7');
    const a = conceptLabel({ concept_key: 'a/b', concept_idx: 0 });
    const b = conceptLabel({ concept_key: 'a b', concept_idx: 1 });
    expect(a).toMatch(/^a_b-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(conceptLabel({ concept_key: '..', concept_idx: 2 })).toMatch(/^[0-9a-f]{8}$/);
  });
});
