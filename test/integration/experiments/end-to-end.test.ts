/**
 * The end-to-end run: a loopback OpenAI-compatible server serves genuine recorded answers
 * for every renderer; a draw run through `{ provider: 'openai' }` extracts and renders them, scores
 * them with tiny generated CLIP and LPIPS models installed in the data dir, and writes a report
 * that headless Chromium opens offline with every image decoded and the metric table present.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../../fixtures/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import type { RunDetail, RunReportWritten, SamplePage, SampleView } from '../../../shared/runs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import { call, seedDataset, waitForRun } from '../../fixtures/experiments/engine/draw-fixtures.js';
import { AnswerBook, drawAnswers } from '../../fixtures/experiments/recorded/answer-book.js';
import { writeTinyClipFolder } from '../../fixtures/onnx/tiny-clip-folder.js';
import { tinyLpipsModel, tinyLpipsWeights } from '../../fixtures/onnx/tiny-lpips.js';
import { startOpenAiServer, type OpenAiTestServer } from '../../fixtures/openai-server.js';

const LANGUAGES = ['svg', 'p5js', 'processing', 'matplotlib', 'turtle', 'tikz'];
const answers = drawAnswers();
const concepts = [...new Map(answers.map((a) => [a.concept_id, a])).values()].map((a) => ({
  key: a.concept_id,
  text: a.concept,
  category: a.category,
}));

/** Each prompt gets its own genuine answer first, then the other concept's answer in that language. */
function answerBook(): AnswerBook {
  const book = new Map<string, string[]>();
  for (const a of answers) {
    const other = answers.find((b) => b.language === a.language && b.concept_id !== a.concept_id)!;
    book.set(a.prompt, [a.response, other.response]);
  }
  return new AnswerBook(book);
}

describe('end to end: OpenAI-compatible server → every renderer → metrics → HTML report', () => {
  const tmp = tempDataDir('vcheck-e2e-run-');
  let engine: Engine;
  let server: OpenAiTestServer;
  let run: RunDetail;
  let samples: ReadonlyArray<SampleView>;

  beforeAll(async () => {
    const models = path.join(tmp.dir, 'models', 'metrics');
    writeTinyClipFolder(path.join(models, 'clip-vit-b32'));
    mkdirSync(path.join(models, 'lpips-alex'), { recursive: true });
    writeFileSync(path.join(models, 'lpips-alex', 'model.onnx'), tinyLpipsModel(tinyLpipsWeights()));
    const datasetId = seedDataset(tmp.dir, concepts, 'e2e concepts');
    server = await startOpenAiServer(answerBook(), { modelName: 'recorded-chat' });
    engine = await openEngine({ dataDir: tmp.dir });
    const created = await call<RunDetail>(engine, 'runs.create', {
      config: {
        kind: 'draw',
        datasetId,
        models: [
          { provider: 'openai', endpoint: `${server.url}/v1`, model: 'recorded-chat', concurrency: 4 },
        ],
        languages: LANGUAGES,
        samples: 2,
        renderSize: 128,
        seed: 1,
      },
    });
    run = await waitForRun(engine, created.summary.id, 150_000);
    samples = (await call<SamplePage>(engine, 'runs.samples', { id: run.summary.id, limit: 100 })).samples;
  }, 180_000);
  afterAll(async () => {
    await engine?.close();
    await server?.close();
    tmp.cleanup();
  });

  it('asks the server once per sample and renders the answers in every language', () => {
    expect(run.summary.status).toBe('finished');
    expect(run.byStatus.samples).toEqual({ done: concepts.length * LANGUAGES.length * 2 });
    expect(server.stats.chatRequests).toBe(concepts.length * LANGUAGES.length * 2);
    for (const language of LANGUAGES) {
      const ok = samples.filter((s) => s.language === language && s.render?.status === 'ok');
      expect(ok.length, language).toBeGreaterThan(0);
    }
    // The two samples of a prompt are the two different answers the server gave.
    for (const s of samples) expect(s.response).toBe(s.sampleIndex === 0 ? ownAnswer(s) : otherAnswer(s));
  });

  it('scores fidelity per image and diversity per concept group with the installed models', () => {
    const names = run.metrics.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['fidelity.percentile', 'diversity.lpips']));
    for (const m of run.metrics) expect(Number.isFinite(m.value), m.name).toBe(true);
    const scored = samples.filter((s) => s.render?.status === 'ok');
    for (const s of scored) expect(s.fidelity, `${s.language} #${s.id}`).not.toBeNull();
  });

  it('writes a report that opens offline in Chromium with its images and metric table', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
    const out = path.join(tmp.dir, 'report.html');
    const written = await call<RunReportWritten>(engine, 'runs.report', { id: run.summary.id, out });
    expect(written.images).toBeGreaterThan(0);
    const browser: Browser = await launchChromium();
    try {
      const context = await browser.newContext();
      const requests: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
        requests.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(pathToFileURL(out).href);
      const images = await page.evaluate(async () => {
        const all = Array.from(document.querySelectorAll('img'));
        // The gallery loads lazily; load them all now.
        for (const img of all) img.loading = 'eager';
        await Promise.all(all.map((img) => img.decode().catch(() => undefined)));
        return all.map((img) => ({ src: img.src, width: img.naturalWidth }));
      });
      // One data URI per distinct image (a drawing that two samples share is embedded once).
      expect(new Set(images.map((i) => i.src)).size).toBe(written.images);
      expect(images.every((i) => i.src.startsWith('data:image/png;base64,'))).toBe(true);
      for (const image of images) expect(image.width).toBeGreaterThan(0);
      const table = await page.locator('#metrics table').first().innerText();
      expect(table).toContain('fidelity.percentile');
      expect(table).toContain('diversity.lpips');
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

function ownAnswer(s: SampleView): string {
  return answers.find((a) => a.concept_id === s.conceptKey && a.language === s.language)!.response;
}

function otherAnswer(s: SampleView): string {
  return answers.find((a) => a.concept_id !== s.conceptKey && a.language === s.language)!.response;
}
