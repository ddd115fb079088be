import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doctorReport } from '../../../main/doctor/doctor-report.js';
import { DOCTOR_COMPONENTS } from '../../../shared/doctor.js';

describe('doctor report', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'vcheck-doctor-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('names every component with an available flag, a detail and a hint only when missing', async () => {
    const report = await doctorReport({ dataDir });
    expect(Object.keys(report).sort()).toEqual([...DOCTOR_COMPONENTS].sort());
    for (const component of DOCTOR_COMPONENTS) {
      const check = report[component];
      expect(typeof check.available).toBe('boolean');
      expect(check.detail.length).toBeGreaterThan(0);
      if (check.available) expect(check.hint).toBe('');
      else expect(check.hint.length, component).toBeGreaterThan(0);
      expect(check.hint).not.toContain('\n');
    }
  });

  it('counts model files under the data directory recursively', async () => {
    expect((await doctorReport({ dataDir })).models.available).toBe(false);
    mkdirSync(path.join(dataDir, 'models', 'clip'), { recursive: true });
    writeFileSync(path.join(dataDir, 'models', 'tiny.gguf'), 'x');
    writeFileSync(path.join(dataDir, 'models', 'clip', 'vision.onnx'), 'x');
    const models = (await doctorReport({ dataDir })).models;
    expect(models.available).toBe(true);
    expect(models.detail).toMatch(/^2 model files/);
  });

  it('finds Debian python3 when it is installed', async () => {
    const python = (await doctorReport({ dataDir })).python3;
    expect(python.available).toBe(existsSync('/usr/bin/python3'));
    if (python.available) expect(python.detail).toMatch(/^Python 3\.\d+/);
  });

  it.runIf(process.platform === 'linux')(
    'sees a display only when DISPLAY or WAYLAND_DISPLAY is set',
    async () => {
      expect((await doctorReport({ dataDir, env: {} })).display.available).toBe(false);
      expect((await doctorReport({ dataDir, env: { DISPLAY: ':99' } })).display).toMatchObject({
        available: true,
        detail: 'X11 display :99',
      });
      expect((await doctorReport({ dataDir, env: { WAYLAND_DISPLAY: 'wayland-0' } })).display.available).toBe(
        true,
      );
    },
  );

  it('reports the electron package without its binary as missing with a hint', async () => {
    const electron = (await doctorReport({ dataDir })).electron;
    const binaryDownloaded = existsSync(path.join('node_modules', 'electron', 'path.txt'));
    expect(electron.available).toBe(binaryDownloaded);
    if (!binaryDownloaded) expect(electron.hint).toMatch(/vcheck serve/);
  });
});
