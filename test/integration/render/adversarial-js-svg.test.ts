import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RenderService, type StoredRenderOutcome } from '../../../main/render/render-answer.js';
import { RENDER_STATUSES, type RenderLanguage } from '../../../main/render/types.js';
import { pixelAt } from '../../fixtures/render/pixels.js';

const SECRET = `vcheck-secret-${process.pid}-${Date.now()}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'vcheck-adversarial-'));
const secretText = path.join(dir, 'secret.txt');
const secretPng = path.join(dir, 'secret.png');
let server: Server;
let port = 0;
let connections = 0;
const service = new RenderService(undefined, 1);
const fast = { limits: { timeoutMs: 1500, memoryMb: 128, maxOutputBytes: 16 << 20 } };

beforeAll(async () => {
  writeFileSync(secretText, SECRET);
  // A solid red PNG: if any renderer embedded it, red pixels would show in the output.
  const canvas = createCanvas(20, 20);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ff0000';
  ctx.fillRect(0, 0, 20, 20);
  writeFileSync(secretPng, canvas.encodeSync('png'));
  server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await service.dispose();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

function expectContained(outcome: StoredRenderOutcome): void {
  expect(RENDER_STATUSES).toContain(outcome.status);
  const visible = `${outcome.error ?? ''}\n${outcome.log}`;
  expect(visible).not.toContain(SECRET);
  if (outcome.png) expect(Buffer.from(outcome.png).includes(SECRET)).toBe(false);
}

async function render(language: RenderLanguage, code: string): Promise<StoredRenderOutcome> {
  const fence = language === 'svg' ? 'svg' : 'javascript';
  const outcome = await service.renderAnswer(language, `\`\`\`${fence}\n${code}\n\`\`\``, fast);
  expectContained(outcome);
  return outcome;
}

const svg = (body: string, attrs = 'width="100" height="100"') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attrs}>${body}</svg>`;

describe('SVG containment', () => {
  it('refuses XXE and billion laughs', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file://${secretText}">]>${svg('<text y="20">&x;</text>')}`;
    expect((await render('svg', xxe)).status).toBe('compile_error');
    const lol = `<!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${svg('<text>&b;</text>')}`;
    expect((await render('svg', lol)).status).toBe('compile_error');
  });

  it('never embeds a planted local file, whatever the href form', async () => {
    const forms = [
      `<image href="${secretPng}" width="100" height="100"/>`,
      `<image xlink:href="file://${secretPng}" width="100" height="100"/>`,
      `<image href="${secretPng.replaceAll('/', '&#47;')}" width="100" height="100"/>`,
      `<image href="secret.png" width="100" height="100"/>`,
      `<filter id="f"><feImage href="${secretPng}"/></filter><rect width="100" height="100" filter="url(#f)"/>`,
      `<rect width="100" height="100" fill="url(${secretPng})"/>`,
      `<style>@import url("${secretPng}");</style><circle r="1"/>`,
    ];
    for (const body of forms) {
      const outcome = await render('svg', svg(body));
      if (outcome.png) expect(pixelAt(outcome.png, 256, 256)[1]).toBeGreaterThan(200); // not red
    }
  });

  it('drops scripts, foreignObject, event handlers and network hrefs', async () => {
    const body = `<script>alert(1)</script><foreignObject><p>x</p></foreignObject><rect width="50" height="50" fill="green" onload="x()"/><image href="http://127.0.0.1:${port}/a.png" width="9" height="9"/>`;
    const outcome = await render('svg', svg(body));
    expect(outcome.status).toBe('ok');
    expect(outcome.log).toMatch(/script.*foreignObject.*event handler.*href http/);
    expect(connections).toBe(0);
  });

  it('renders huge declared dimensions at the output size', async () => {
    const outcome = await render(
      'svg',
      svg('<rect width="50000000" height="5000000" fill="red"/>', 'width="100000000" height="10000000"'),
    );
    expect(outcome.status).toBe('ok');
    expect(outcome.width).toBe(512);
  });
});

describe('JavaScript sketch containment (p5.js and Processing)', () => {
  it('stops infinite loops in setup and draw', async () => {
    expect((await render('p5js', 'function setup(){ for(;;){} }')).status).toBe('timeout');
    expect((await render('processing', 'void draw(){ while (true) { int x = 1; } }')).status).toBe('timeout');
  });

  it('stops memory bombs', async () => {
    const bomb = 'function setup(){ let a = []; while (true) a.push("x".repeat(1 << 20) + a.length); }';
    expect(['resource_limit', 'timeout']).toContain((await render('p5js', bomb)).status);
  });

  it('refuses huge canvases', async () => {
    expect((await render('p5js', 'function setup(){ createCanvas(100000, 100000); }')).status).toBe(
      'resource_limit',
    );
  });

  it('finds no host objects: require, process, fetch, XMLHttpRequest, import()', async () => {
    const attempts = [
      `function setup(){ text(require("fs").readFileSync("${secretText}", "utf8"), 10, 10); }`,
      'function setup(){ process.exit(1); }',
      `function setup(){ fetch("http://127.0.0.1:${port}/"); }`,
      `function setup(){ const x = new XMLHttpRequest(); x.open("GET", "http://127.0.0.1:${port}/"); x.send(); }`,
      'function setup(){ (0, Function)("return this")().process.mainModule.require("fs"); }',
      `async function setup(){ const fs = await import("node:fs"); text(fs.readFileSync("${secretText}", "utf8"), 1, 1); }`,
    ];
    for (const code of attempts) {
      const outcome = await render('p5js', code);
      expect(['runtime_error', 'compile_error', 'blank_image'], code).toContain(outcome.status);
    }
    expect(connections).toBe(0);
  });

  it('gives Processing sketches no file or network access (loadStrings, loadImage, java.io)', async () => {
    const attempts = [
      `void setup() { String[] s = loadStrings("${secretText}"); text(s[0], 10, 10); }`,
      `void setup() { PImage i = loadImage("http://127.0.0.1:${port}/a.png"); image(i, 0, 0); }`,
      `void setup() { java.io.File f = new java.io.File("${secretText}"); println(f.exists()); }`,
    ];
    for (const code of attempts) {
      const outcome = await render('processing', code);
      expect(['runtime_error', 'compile_error', 'blank_image'], code).toContain(outcome.status);
    }
    expect(connections).toBe(0);
  });

  it('still serves after every attack', async () => {
    const ok = await render(
      'p5js',
      'function setup(){ createCanvas(100, 100); background(255); fill(0); rect(10, 10, 50, 50); }',
    );
    expect(ok.status).toBe('ok');
    expect((await render('svg', svg('<circle cx="50" cy="50" r="20"/>'))).status).toBe('ok');
  });
});
