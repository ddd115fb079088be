/**
 * End to end: headless Chromium opens the built UI served in web mode over a real engine on a
 * seeded temp data dir, sees the runs list, starts a real store.verify job from the UI and follows
 * it in the jobs panel. Screenshots go to test/e2e/artifacts/ (git-ignored).
 * Needs `npm run build` (out/renderer) and Debian's chromium at /usr/bin/chromium.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../fixtures/chromium.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../main/api/engine.js';
import { openEngine } from '../../main/api/open-engine.js';
import { startWebServer, type WebServer } from '../../main/server/server.js';
import { tempDataDir } from '../fixtures/data-dir.js';
import { seedStore } from '../fixtures/seed.js';

const STATIC_DIR = path.resolve('out/renderer');
const ARTIFACTS = path.resolve('test/e2e/artifacts');
const IMAGES = 120;

const missing = [
  existsSync(path.join(STATIC_DIR, 'index.html')) ? null : `${STATIC_DIR}/index.html (run \`npm run build\`)`,
  existsSync(CHROMIUM) ? null : `${CHROMIUM} (apt-get install chromium)`,
].filter((item): item is string => item !== null);
if (missing.length > 0) console.warn(`Skipping the web UI e2e test: missing ${missing.join(' and ')}.`);

describe.skipIf(missing.length > 0)('web UI in headless Chromium', () => {
  const temp = tempDataDir('vcheck-e2e-');
  let engine: Engine;
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    seedStore(temp.dir, { runs: 2, images: IMAGES });
    engine = await openEngine({ dataDir: temp.dir });
    server = await startWebServer({ engine, port: 0, staticDir: STATIC_DIR });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await engine?.close();
    temp.cleanup();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    problems = [];
    // CSP violations and uncaught errors show up here; the UI must produce none.
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${message.text()} @ ${message.location().url}`);
    });
    page.on('pageerror', (error) => problems.push(error.message));
  });

  afterEach(async () => {
    await context.close();
  });

  it('shows the seeded runs, live, with the token gone from the address bar', async () => {
    await page.goto(server.url);
    const rows = page.getByTestId('run-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    const first = await rows.filter({ hasText: 'seeded run 1' }).innerText();
    expect(first).toMatch(/seeded run 1\s+draw\s+finished\s+1\s+1 \/ 1/);
    expect(page.url()).not.toContain('token=');
    // "Live" means the event WebSocket got through the CSP and the token check.
    await page.locator('[data-testid=connection][data-state=open]').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'runs.png'), fullPage: true });
    await page.reload();
    await rows.first().waitFor();
    expect(problems).toEqual([]);
  });

  it('starts the store check from Settings and follows it in the jobs panel', async () => {
    await page.goto(server.url);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('app-info').getByText(temp.dir).waitFor();
    await page.getByTestId('doctor-table').waitFor({ timeout: 30_000 });
    await page.getByTestId('jobs-toggle').click();
    await page.getByTestId('jobs-empty').waitFor();
    await page.getByTestId('verify-store').click();
    const job = page.getByTestId('jobs-drawer').getByTestId('job-item').first();
    await job.locator('.badge', { hasText: 'succeeded' }).waitFor({ timeout: 30_000 });
    expect(await job.getByTestId('job-counts').innerText()).toBe(`${IMAGES} / ${IMAGES}`);
    expect(await job.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await job.innerText()).toContain(`${IMAGES} images checked`);
    // The store statistics refetch on `store.changed` without a reload.
    await expect.poll(() => page.getByTestId('store-stats').innerText()).toMatch(/Jobs\s+1\b/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings-jobs.png'), fullPage: true });
    await page.getByTestId('nav-jobs').click();
    await page.locator('main').getByTestId('job-item').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'jobs.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('builds a seeded shapes dataset from the Datasets page and charts its counts', async () => {
    await page.goto(server.url);
    await page.getByTestId('nav-datasets').click();
    await page.getByTestId('datasets-empty').waitFor();
    await page.getByTestId('build-dataset').click();
    const row = page.getByTestId('dataset-row').first();
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toMatch(/shapes-n1000-s0 v1\s+shapes\s+1,000\s+0\s+sha256:/);
    await row.getByRole('button').click();
    const detail = page.getByTestId('dataset-detail');
    await detail.getByTestId('concepts-table').waitFor();
    expect(await detail.locator('.count-bars').count()).toBeGreaterThan(5);
    expect(await detail.getByTestId('concepts-table').locator('tbody tr').count()).toBe(50);
    await page.screenshot({ path: path.join(ARTIFACTS, 'datasets.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('shows an honest placeholder on pages not built yet', async () => {
    await page.goto(server.url);
    await page.getByTestId('nav-gallery').click();
    expect(await page.getByTestId('planned-page').innerText()).toMatch(/^Not built yet\./);
    expect(await page.getByRole('link', { name: 'Gallery' }).getAttribute('aria-current')).toBe('page');
  });

  it('does not serve the page without the token', async () => {
    const response = await page.goto(server.origin + '/');
    expect(response?.status()).toBe(401);
  });
});
