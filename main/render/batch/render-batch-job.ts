/**
 * `render.batch`: renders every line of a JSONL of raw answers into `outDir/<id>.png`, with one
 * `report.jsonl` line per input and an optional contact sheet. Each line is one committed work
 * item, so a killed batch resumes where it stopped; the report is rewritten from the committed
 * items at the end. Every line is processed whatever its status: failures are findings.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderBatchParams, type RenderBatchResult } from '../../../shared/jobs.js';
import { RateMeter } from '../../jobs/rate.js';
import type { JobContext, JobDefinition } from '../../jobs/types.js';
import type { RenderService } from '../render-answer.js';
import { imageFileName, readBatchInput, type BatchLine } from './batch-input.js';
import { contactSheet } from './contact-sheet.js';

/** One line of `report.jsonl` (the interface scripts rely on). */
export interface BatchReportLine {
  readonly id: string;
  readonly language: string;
  readonly status: string;
  readonly error: string | null;
  readonly renderer: string | null;
  readonly sandbox: string | null;
  readonly ms: number;
  /** Path of the written PNG, relative to the output folder; null when there is none. */
  readonly image: string | null;
}

/** Unique file names per line, in input order (a repeated id gets its line number appended). */
function fileNames(lines: readonly BatchLine[]): ReadonlyMap<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const line of lines) {
    let name = imageFileName(line.id);
    if (used.has(name)) name = imageFileName(`${line.id}-${line.key}`);
    used.add(name);
    names.set(line.key, name);
  }
  return names;
}

async function renderLine(
  service: RenderService,
  line: BatchLine,
  file: string,
  outDir: string,
  params: { size: number; seed: number },
): Promise<BatchReportLine> {
  if (!line.valid)
    return {
      id: line.id,
      language: line.language,
      status: 'invalid_input',
      error: line.error,
      renderer: null,
      sandbox: null,
      ms: 0,
      image: null,
    };
  const outcome = await service.renderAnswer(line.language, line.response, params);
  const image = outcome.status === 'ok' && outcome.png ? file : null;
  if (image && outcome.png) writeFileSync(path.join(outDir, image), outcome.png);
  return {
    id: line.id,
    language: line.language,
    status: outcome.status,
    error: outcome.error ?? null,
    renderer: outcome.renderer,
    sandbox: outcome.sandbox,
    ms: outcome.durationMs,
    image,
  };
}

function finish(
  params: { outDir: string; sheet?: string | undefined },
  lines: readonly BatchLine[],
  ctx: JobContext,
): RenderBatchResult {
  const byKey = new Map(ctx.items.committed().map((item) => [item.key, item.result as BatchReportLine]));
  const report = lines
    .map((line) => byKey.get(line.key))
    .filter((r): r is BatchReportLine => r !== undefined);
  const reportFile = path.join(params.outDir, 'report.jsonl');
  writeFileSync(reportFile, report.map((r) => JSON.stringify(r)).join('\n') + (report.length ? '\n' : ''));
  const byStatus: Record<string, number> = {};
  for (const r of report) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  if (params.sheet) {
    const tiles = report.map((r) => ({
      id: r.id,
      status: r.status,
      ...(r.image ? { png: new Uint8Array(readFileSync(path.join(params.outDir, r.image))) } : {}),
    }));
    mkdirSync(path.dirname(params.sheet), { recursive: true });
    writeFileSync(params.sheet, contactSheet(tiles));
  }
  return {
    kind: 'render.batch',
    total: report.length,
    byStatus,
    report: reportFile,
    sheet: params.sheet ?? null,
  };
}

/** The `render.batch` job over the engine's render service; `concurrency` renders run at once. */
export function renderBatchJob(service: RenderService, concurrency: number): JobDefinition<'render.batch'> {
  return {
    kind: 'render.batch',
    params: renderBatchParams,
    async run(raw, ctx) {
      const params = renderBatchParams.parse(raw);
      const lines = readBatchInput(params.input);
      mkdirSync(params.outDir, { recursive: true });
      const names = fileNames(lines);
      const todo = lines.filter((line) => !ctx.items.isDone(line.key));
      const meter = new RateMeter();
      let done = lines.length - todo.length;
      let ok = 0;
      let failed = 0;
      const next = async (): Promise<void> => {
        for (let line = todo.shift(); line; line = todo.shift()) {
          if (ctx.signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
          const result = await renderLine(service, line, names.get(line.key)!, params.outDir, params);
          ctx.items.commit(line.key, result.status === 'ok' ? 'ok' : 'failed', result);
          done += 1;
          if (result.status === 'ok') ok += 1;
          else failed += 1;
          const rate = meter.update(done, lines.length);
          ctx.report({
            kind: 'render.batch',
            fraction: done / lines.length,
            done,
            total: lines.length,
            ok,
            failed,
            ...rate,
          });
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, concurrency) }, next));
      return finish(params, lines, ctx);
    },
  };
}
