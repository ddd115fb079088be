/**
 * End to end: run reports written through the engine open from file:// in headless Chromium with
 * every non-file request blocked: each <img> decodes, the charts are there, nothing is logged as
 * an error (CSP violations would be), and the `<script>` planted in a model answer stays text.
 * Screenshots go to test/e2e/artifacts/ (git-ignored). Needs Debian's chromium at /usr/bin/chromium.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../fixtures/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../main/api/engine.js';
import { openEngine } from '../../main/api/open-engine.js';
import { openStore } from '../../main/store/store.js';
import { tempDataDir } from '../fixtures/data-dir.js';
import { seedCorrectRun } from '../fixtures/experiments/report/seeded-kinds.js';
import { PLANTED_SCRIPT, seedDrawRun } from '../fixtures/experiments/report/seeded-run.js';

const ARTIFACTS = path.resolve('test/e2e/artifacts');

if (!existsSync(CHROMIUM)) console.warn(`Skipping the run report e2e test: missing ${CHROMIUM}.`);

interface PageState {
  readonly images: ReadonlyArray<{ readonly complete: boolean; readonly width: number }>;
  readonly charts: number;
  readonly pwned: unknown;
  readonly title: string;
  readonly failuresText: string;
}

describe.skipIf(!existsSync(CHROMIUM))('run report in headless Chromium', () => {
  const temp = tempDataDir('vcheck-report-e2e-');
  let engine: Engine;
  let browser: Browser;
  const reports: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const dataDir = path.join(temp.dir, 'data');
    const store = openStore({ dataDir });
    const draw = seedDrawRun(store);
    const correct = seedCorrectRun(store, draw.datasetId);
    store.close();
    engine = await openEngine({ dataDir });
    const jobs: ReadonlyArray<readonly [string, string, boolean]> = [
      ['embedded', draw.runId, true],
      ['beside', draw.runId, false],
      ['correct', correct.runId, true],
    ];
    for (const [name, id, embedImages] of jobs) {
      const out = path.join(temp.dir, 'reports', `${name}.html`);
      const result = await engine.dispatch('runs.report', { id, out, embedImages });
      if (!result.ok) throw new Error(result.error.message);
      reports[name] = out;
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await engine?.close();
    temp.cleanup();
  });

  /** Opens a report offline; returns the page, its state and every problem seen. */
  async function open(
    name: string,
  ): Promise<{ page: Page; state: PageState; problems: string[]; close(): Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
    const problems: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      problems.push(`network request: ${url}`);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(reports[name]!).href, { waitUntil: 'load' });
    // The gallery's images load lazily: scroll through the page, then wait for every one.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      window.scrollTo(0, 0);
    });
    await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete), null, {
      timeout: 10_000,
    });
    const state = await page.evaluate(() => ({
      images: Array.from(document.images).map((img) => ({ complete: img.complete, width: img.naturalWidth })),
      charts: document.querySelectorAll('svg.chart rect.bar').length,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      title: document.title,
      failuresText: document.querySelector('#failures')?.textContent ?? '',
    }));
    return { page, state, problems, close: () => context.close() };
  }

  it('decodes every embedded image, draws the charts and runs nothing planted', async () => {
    const { page, state, problems, close } = await open('embedded');
    try {
      expect(state.images).toHaveLength(14);
      expect(state.images.every((i) => i.complete && i.width > 0)).toBe(true);
      expect(state.charts).toBeGreaterThanOrEqual(5 + 2); // count bars (2 + 3) and two category bars
      expect(state.pwned).toBeUndefined();
      expect(state.title).not.toContain('pwned');
      expect(state.title).toContain('Fixture draw <run> & "co"');
      expect(state.failuresText).toContain(PLANTED_SCRIPT);
      await page.screenshot({ path: path.join(ARTIFACTS, 'run-report.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('loads the images from the folder beside the report under the same policy', async () => {
    const { state, problems, close } = await open('beside');
    try {
      expect(state.images).toHaveLength(14);
      expect(state.images.every((i) => i.complete && i.width > 0)).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('opens a trajectory diff without JavaScript', async () => {
    const { page, state, problems, close } = await open('correct');
    try {
      expect(state.images.every((i) => i.complete && i.width > 0)).toBe(true);
      const diff = page.locator('table.trajectories details').first();
      expect(await diff.locator('pre.diff').isVisible()).toBe(false);
      await diff.locator('summary').click();
      expect(await diff.locator('pre.diff').isVisible()).toBe(true);
      expect(await diff.locator('pre.diff').textContent()).toContain('+<circle r="1"/>');
      await page.screenshot({ path: path.join(ARTIFACTS, 'run-report-correct.png'), fullPage: true });
      expect(state.pwned).toBeUndefined();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
