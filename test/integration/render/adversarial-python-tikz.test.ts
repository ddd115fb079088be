/**
 * Adversarial suite of the Python (matplotlib, turtle) and TikZ renderers, under bubblewrap and in
 * the weaker rlimits mode: every hostile program ends classified, the planted secret never appears
 * in any output (image text, log, error), and nothing outside the scratch dir changes.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMatplotlibRenderer,
  createTurtleRenderer,
} from '../../../main/render/python/python-renderer.js';
import { probeBubblewrap } from '../../../main/render/sandbox/bubblewrap.js';
import { runningAsRoot } from '../../../main/render/sandbox/identity.js';
import type { OsSandboxKind } from '../../../main/render/sandbox/types.js';
import { createTikzRenderer } from '../../../main/render/tikz/tikz-renderer.js';
import type { LanguageRenderer, RenderOutcome, RenderStatus } from '../../../main/render/types.js';

const bwrap = await probeBubblewrap();
const SECRET = `vcheck-planted-${process.pid}-${Date.now()}`;
const outside = mkdtempSync(path.join(os.tmpdir(), 'vcheck-adv-'));
const secretFile = path.join(outside, 'secret.txt');
const options = { size: 128, seed: 1, limits: { timeoutMs: 2000, memoryMb: 768, maxOutputBytes: 4 << 20 } };
let server: Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  writeFileSync(secretFile, SECRET);
  chmodSync(secretFile, 0o600);
  server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(() => {
  server.close();
  rmSync(outside, { recursive: true, force: true });
});

type Case = readonly [name: string, code: () => string, allowed: ReadonlyArray<RenderStatus>];
const FAIL: ReadonlyArray<RenderStatus> = ['runtime_error', 'resource_limit', 'compile_error', 'blank_image'];

const pythonCases: ReadonlyArray<Case> = [
  ['infinite loop', () => 'while True:\n    pass', ['timeout']],
  ['memory bomb', () => 'import numpy\nx = numpy.ones(1 << 33)', ['resource_limit']],
  [
    'gradual memory bomb',
    () => 'x = [bytearray(1 << 26) for _ in range(1000)]',
    ['resource_limit', 'timeout'],
  ],
  ['fork bomb', () => 'import os\nwhile True:\n    os.fork()', FAIL],
  ['reads /etc/passwd', () => 'print(open("/etc/passwd").read())', FAIL],
  ['reads ~/.ssh', () => 'import os\nprint(os.listdir(os.path.expanduser("~/.ssh")))', FAIL],
  ['reads the planted secret', () => `print(open(${JSON.stringify(secretFile)}).read())`, FAIL],
  [
    'draws the planted secret',
    () => `import matplotlib.pyplot as plt\nplt.text(0, 0, open(${JSON.stringify(secretFile)}).read())`,
    FAIL,
  ],
  ['writes outside', () => `open(${JSON.stringify(path.join(outside, 'x.txt'))}, "w").write("x")`, FAIL],
  [
    'connects to a loopback listener',
    () => `import socket\nsocket.create_connection(("127.0.0.1", ${port}), timeout=1)`,
    FAIL,
  ],
  ['spawns with subprocess', () => 'import subprocess\nsubprocess.run(["/bin/sh", "-c", "id"])', FAIL],
  ['spawns with os.system', () => 'import os\nos.system("touch /tmp/vcheck-pwned")', FAIL],
  [
    'huge figure',
    () => 'import matplotlib.pyplot as plt\nplt.figure(figsize=(100000, 100000))\nplt.plot([0, 1])',
    ['ok', ...FAIL],
  ],
  ['floods stdout', () => 'while True:\n    print("x" * 100000)', ['timeout', 'resource_limit']],
  ['writes a huge file', () => 'open("big.bin", "wb").write(b"x" * (64 << 20))', FAIL],
];

const tikzCases: ReadonlyArray<Case> = [
  [
    '\\write18',
    () =>
      '\\immediate\\write18{touch /tmp/vcheck-pwned}\n\\begin{tikzpicture}\\draw (0,0)--(1,1);\\end{tikzpicture}',
    ['ok', ...FAIL],
  ],
  [
    '\\input of the secret',
    () => `\\begin{tikzpicture}\\node {\\input{${secretFile}}};\\end{tikzpicture}`,
    FAIL,
  ],
  [
    '\\openin of the secret',
    () =>
      `\\newread\\r\\openin\\r=${secretFile}\\read\\r to\\x\n\\begin{tikzpicture}\\node {\\x};\\end{tikzpicture}`,
    ['ok', ...FAIL],
  ],
  [
    '\\includegraphics of the secret',
    () => `\\begin{tikzpicture}\\node {\\includegraphics{${secretFile}}};\\end{tikzpicture}`,
    FAIL,
  ],
  [
    '\\openout outside',
    () =>
      `\\newwrite\\w\\immediate\\openout\\w=${path.join(outside, 'x.tex')}\\immediate\\write\\w{x}\n\\begin{tikzpicture}\\draw (0,0)--(1,1);\\end{tikzpicture}`,
    ['ok', ...FAIL],
  ],
  ['infinite macro loop', () => '\\def\\x{\\x}\\x', ['timeout']],
  [
    'huge page',
    () =>
      '\\documentclass{article}\\usepackage[paperwidth=5000cm,paperheight=5000cm]{geometry}\\begin{document}\\rule{4900cm}{4900cm}\\end{document}',
    ['ok', ...FAIL],
  ],
];

function assertContained(
  outcome: RenderOutcome,
  allowed: ReadonlyArray<RenderStatus>,
  mode: OsSandboxKind,
): void {
  expect(allowed, `status ${outcome.status}: ${outcome.error}`).toContain(outcome.status);
  expect(outcome.sandbox).toBe(mode);
  const texts = [outcome.log, outcome.error ?? '', Buffer.from(outcome.png ?? []).toString('latin1')];
  for (const text of texts) expect(text).not.toContain(SECRET);
  expect(readdirSync(outside)).toEqual(['secret.txt']);
  expect(readFileSync(secretFile, 'utf8')).toBe(SECRET);
  expect(connections).toBe(0);
  expect(readdirSync('/tmp').includes('vcheck-pwned')).toBe(false);
}

const modes: ReadonlyArray<[OsSandboxKind, boolean, string]> = [
  ['bubblewrap', bwrap.ok, bwrap.ok ? '' : `(skipped: ${bwrap.reason})`],
  // the weaker mode keeps a 0600 secret out of reach only by dropping root to an unprivileged uid
  [
    'rlimits',
    runningAsRoot(),
    runningAsRoot() ? '' : '(skipped: rlimits-mode secrecy needs the uid drop, i.e. root)',
  ],
];

describe.each(modes)('hostile Python and TikZ in %s mode %s', (mode, usable) => {
  const renderers: Array<[string, LanguageRenderer, ReadonlyArray<Case>]> = [
    ['matplotlib', createMatplotlibRenderer({ workers: 1, mode }), pythonCases],
    [
      'turtle',
      createTurtleRenderer({ workers: 1, mode }),
      pythonCases.filter((c) => /^(infinite loop|memory bomb|fork bomb|reads \/etc)/.test(c[0])),
    ],
    ['tikz', createTikzRenderer({ workers: 1, mode }), tikzCases],
  ];
  afterAll(async () => {
    for (const [, renderer] of renderers) await renderer.dispose();
  });
  for (const [language, renderer, cases] of renderers) {
    for (const [name, code, allowed] of cases) {
      it.skipIf(!usable)(`${language}: ${name}`, async () => {
        const outcome = await renderer.render(code(), options);
        assertContained(outcome, allowed, mode);
      });
    }
    it.skipIf(!usable)(`${language}: still renders after the attacks`, async () => {
      const program =
        language === 'tikz'
          ? '\\begin{tikzpicture}\\fill[red] (0,0) rectangle (1,1);\\end{tikzpicture}'
          : language === 'turtle'
            ? 'import turtle\nturtle.color("red")\nturtle.begin_fill()\nturtle.circle(50)\nturtle.end_fill()'
            : 'import matplotlib.pyplot as plt\nplt.fill([0, 1, 1, 0], [0, 0, 1, 1], "r")';
      const outcome = await renderer.render(program, options);
      expect(outcome.status, outcome.error).toBe('ok');
    });
  }
});
