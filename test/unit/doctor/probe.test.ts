import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findExecutable, firstLine, runProgram, withDeadline } from '../../../main/doctor/probe.js';

describe.runIf(process.platform !== 'win32')('doctor probes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vcheck-probe-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a program and returns its output', async () => {
    const said = await runProgram(process.execPath, ['-e', 'console.log("  \\nhello 1.2")']);
    expect(said.ok).toBe(true);
    if (said.ok) expect(firstLine(said.stdout)).toBe('hello 1.2');
  });

  it('reports a missing program instead of throwing', async () => {
    const said = await runProgram(path.join(dir, 'no-such-tool'), ['--version']);
    expect(said).toEqual({ ok: false, reason: expect.stringMatching(/not found$/) });
  });

  it('kills a program that hangs past the deadline', async () => {
    const started = Date.now();
    const said = await runProgram(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], 300);
    expect(said).toEqual({ ok: false, reason: expect.stringMatching(/timed out after 300 ms/) });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('rejects a promise that outlives its deadline', async () => {
    await expect(withDeadline(new Promise(() => {}), 50, 'slow check')).rejects.toThrow(
      /slow check timed out/,
    );
    await expect(withDeadline(Promise.resolve(7), 50, 'fast check')).resolves.toBe(7);
  });

  it('finds executables by absolute path or on PATH, first candidate first', async () => {
    const tool = path.join(dir, 'vcheck-fake-tool');
    writeFileSync(tool, '#!/bin/sh\necho 1\n', { mode: 0o755 });
    writeFileSync(path.join(dir, 'not-executable'), 'x', { mode: 0o644 });
    expect(await findExecutable(['not-executable', 'vcheck-fake-tool'], dir)).toBe(tool);
    expect(await findExecutable([tool])).toBe(tool);
    expect(await findExecutable(['vcheck-fake-tool'], '')).toBeNull();
  });
});
