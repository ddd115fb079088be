import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../main/api/engine.js';
import { openEngine } from '../../../main/api/open-engine.js';
import { BUILTIN_TEMPLATES, PROMPT_LANGUAGE_NAMES } from '../../../main/llm/templates/builtin-templates.js';
import { renderTemplate } from '../../../main/llm/templates/prompt-template.js';
import type { RenderLanguage } from '../../../main/render/types.js';
import { openStore } from '../../../main/store/store.js';
import type { RunDetail, SamplePage, SampleView } from '../../../shared/runs.js';
import { tempDataDir } from '../../fixtures/data-dir.js';
import {
  call,
  seedDataset,
  waitForRun,
  writeRecording,
} from '../../fixtures/experiments/engine/draw-fixtures.js';
import {
  MATPLOTLIB_ROCKET,
  P5_CACTUS,
  PROCESSING_MUG,
  SVG_MUG,
  TIKZ_UMBRELLA,
  TURTLE_UMBRELLA,
} from '../../fixtures/experiments/recorded/function-answers.js';

const ANSWERS: Readonly<Record<RenderLanguage, string>> = {
  matplotlib: MATPLOTLIB_ROCKET,
  turtle: TURTLE_UMBRELLA,
  p5js: P5_CACTUS,
  processing: PROCESSING_MUG,
  svg: SVG_MUG,
  tikz: TIKZ_UMBRELLA,
};
const LANGUAGES = Object.keys(ANSWERS) as RenderLanguage[];
const CONCEPT = { key: 'dobj05', text: 'a rocket', category: 'objects' };
const SETTINGS = 2;

/** The prompt the param strategy asks: the latest built-in draw-function template, filled in. */
function functionPrompt(language: RenderLanguage): string {
  const template = BUILTIN_TEMPLATES.filter((t) => t.id === 'draw-function').sort(
    (a, b) => b.version - a.version,
  )[0]!;
  const rendered = renderTemplate(template, {
    language: PROMPT_LANGUAGE_NAMES[language]!,
    concept: CONCEPT.text,
    arguments: 'unused',
  });
  return rendered.messages.at(-1)!.content;
}

describe('a draw run with the param strategy on recorded function answers', () => {
  const tmp = tempDataDir('vcheck-param-run-');
  let engine: Engine;
  let run: RunDetail;
  let samples: ReadonlyArray<SampleView>;

  beforeAll(async () => {
    const datasetId = seedDataset(tmp.dir, [CONCEPT]);
    const recording = writeRecording(
      tmp.dir,
      LANGUAGES.map((language) => ({ prompt: functionPrompt(language), response: ANSWERS[language] })),
    );
    engine = await openEngine({ dataDir: tmp.dir });
    const created = await call<RunDetail>(engine, 'runs.create', {
      config: {
        kind: 'draw',
        datasetId,
        models: [{ provider: 'recorded', file: recording, label: 'rec' }],
        languages: LANGUAGES,
        strategy: 'param',
        samples: 1,
        settings: SETTINGS,
        renderSize: 96,
        seed: 3,
        metrics: { fidelity: false, diversity: false },
      },
    });
    run = await waitForRun(engine, created.summary.id, 120_000);
    samples = (await call<SamplePage>(engine, 'runs.samples', { id: run.summary.id, limit: 100 })).samples;
  }, 150_000);
  afterAll(async () => {
    await engine.close();
    tmp.cleanup();
  });

  const ofLanguage = (language: string) => samples.filter((s) => s.language === language);

  it('finishes with one sample per setting, the varied ones drawn and the others param errors', () => {
    expect(run.summary.status).toBe('finished');
    expect(samples).toHaveLength(LANGUAGES.length * SETTINGS);
    expect(run.byStatus.samples).toEqual({ done: 5 * SETTINGS, param_error: SETTINGS });
    expect(run.versions?.templates).toEqual({ 'draw-function': 'draw-function@2' });
  });

  it('renders every setting of the Python, p5.js, Processing and TikZ functions, each differently', () => {
    for (const language of ['matplotlib', 'turtle', 'p5js', 'processing', 'tikz']) {
      const settings = ofLanguage(language);
      expect(settings.map((s) => s.sampleIndex).sort()).toEqual([0, 1]);
      for (const s of settings) {
        expect(s.status, language).toBe('done');
        expect(s.strategy).toBe('param');
        expect(s.render?.status, `${language}: ${s.render?.error}`).toBe('ok');
        expect(s.response).toBe(ANSWERS[language as RenderLanguage]);
      }
      expect(new Set(settings.map((s) => s.render?.imageHash)).size, language).toBe(SETTINGS);
      expect(new Set(settings.map((s) => s.seed)).size).toBe(SETTINGS);
    }
  });

  it('stores each setting’s arguments and the program that drew them', () => {
    const [rocket] = ofLanguage('matplotlib');
    const args = rocket!.args as {
      function: string;
      values: Record<string, number>;
      factors: Record<string, number>;
    };
    expect(args.function).toBe('draw_rocket');
    // body_width is left to its default (1.2) by the program's call; fins (2) is a count.
    const width = args.values['body_width']!;
    expect(width).toBeGreaterThanOrEqual(0.6);
    expect(width).toBeLessThanOrEqual(1.8);
    expect(Number.isInteger(args.values['fins'])).toBe(true);
    expect(rocket!.code).toContain(`body_width=${args.values['body_width']}`);
    const [mug] = ofLanguage('processing');
    const values = (mug!.args as { values: Record<string, number> }).values;
    expect(mug!.code).toContain(
      `drawMug(${values['x']}, ${values['y']}, ${values['w']}, ${values['h']}, ${values['steamLines']});`,
    );
  });

  it('records why an SVG answer cannot be varied, keeping the answer', () => {
    for (const s of ofLanguage('svg')) {
      expect(s.status).toBe('param_error');
      expect(s.errorText).toMatch(/SVG has no functions/);
      expect(s.response).toBe(SVG_MUG);
      expect(s.render).toBeNull();
    }
  });

  it('records a model that cannot answer as llm_error samples, one per setting', async () => {
    const silent = writeRecording(
      tmp.dir,
      [{ prompt: 'another prompt', response: 'nothing' }],
      'silent.jsonl',
    );
    const created = await call<RunDetail>(engine, 'runs.create', {
      config: {
        kind: 'draw',
        datasetId: run.summary.datasetId,
        models: [{ provider: 'recorded', file: silent, label: 'silent' }],
        languages: ['svg'],
        strategy: 'param',
        settings: 3,
      },
    });
    const failed = await waitForRun(engine, created.summary.id);
    expect(failed.byStatus.samples).toEqual({ llm_error: 3 });
    const page = await call<SamplePage>(engine, 'runs.samples', { id: failed.summary.id });
    for (const s of page.samples) expect(s.errorText).toMatch(/no recorded answer for this prompt/);
  });

  it('resumes exactly the settings a crash lost, drawing them as before', async () => {
    const id = run.summary.id;
    const lost = samples.filter(
      (s) => (s.language === 'matplotlib' && s.sampleIndex === 1) || s.language === 'p5js',
    );
    const kept = samples.filter((s) => !lost.includes(s));
    // The state a process killed mid-run leaves: some items never committed, the run not finished.
    const store = openStore({ dataDir: tmp.dir });
    try {
      const remove = store.db.prepare('DELETE FROM samples WHERE id = ?');
      for (const s of lost) remove.run(s.id);
      store.db.prepare("UPDATE runs SET status = 'interrupted', finished_at = NULL WHERE id = ?").run(id);
    } finally {
      store.close();
    }
    await call<RunDetail>(engine, 'runs.resume', { id });
    const resumed = await waitForRun(engine, id, 120_000);
    expect(resumed.summary.status).toBe('finished');
    const after = (await call<SamplePage>(engine, 'runs.samples', { id, limit: 100 })).samples;
    expect(after).toHaveLength(samples.length);
    const key = (s: SampleView) => `${s.language}|${s.sampleIndex}`;
    const byKey = new Map(after.map((s) => [key(s), s]));
    for (const s of kept) expect(byKey.get(key(s))?.id, key(s)).toBe(s.id);
    for (const s of lost) {
      const redone = byKey.get(key(s))!;
      expect(redone.id).not.toBe(s.id);
      expect(redone.args).toEqual(s.args);
      expect(redone.code).toBe(s.code);
      expect(redone.render?.imageHash).toBe(s.render?.imageHash);
    }
  });
});
