/**
 * `vcheck render FILE --language L -o out.png` renders one raw answer through `render.preview`;
 * `vcheck render --batch IN.jsonl --out DIR [--sheet SHEET.png]` runs a `render.batch` job with a
 * progress bar and exits 0 when every line was processed, whatever the statuses.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { RENDER_LANGUAGE_NAMES, type RenderLanguageName } from '../../../shared/render.js';
import type { CliContext } from '../context.js';
import { CliError, action, unwrap } from '../errors.js';
import { followJob } from '../follow-job.js';
import { printJson } from '../output.js';
import { withEngine } from '../with-engine.js';
import { reportFinishedJob } from './jobs.js';

interface RenderOptions {
  readonly language?: string;
  readonly output?: string;
  readonly batch?: string;
  readonly out?: string;
  readonly sheet?: string;
  readonly size: string;
  readonly seed: string;
  readonly json?: boolean;
}

function integer(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(`${name} must be an integer in ${min}..${max}`);
  return n;
}

function language(value: string | undefined): RenderLanguageName {
  if (!value || !(RENDER_LANGUAGE_NAMES as readonly string[]).includes(value))
    throw new CliError(`--language must be one of ${RENDER_LANGUAGE_NAMES.join(', ')}`);
  return value as RenderLanguageName;
}

async function renderOne(ctx: CliContext, file: string, options: RenderOptions): Promise<void> {
  const response = readFileSync(file === '-' ? 0 : file, 'utf8');
  const request = {
    language: language(options.language),
    response,
    size: integer(options.size, '--size', 16, 4096),
    seed: integer(options.seed, '--seed', 0, 0xffff_ffff),
    includePng: options.output !== undefined,
  };
  const preview = await withEngine(ctx, async (client) =>
    unwrap(await client.call('render.preview', request)),
  );
  if (options.output && preview.pngBase64)
    writeFileSync(options.output, Buffer.from(preview.pngBase64, 'base64'));
  const { pngBase64: _bytes, ...shown } = preview;
  if (options.json) printJson(shown);
  else {
    const size = preview.width ? ` ${preview.width}x${preview.height}` : '';
    const written = options.output && preview.pngBase64 ? ` -> ${options.output}` : '';
    process.stdout.write(
      `${preview.status}${size} ${preview.durationMs} ms ${preview.renderer} (${preview.sandbox})${written}\n`,
    );
    if (preview.error) process.stdout.write(`  ${preview.error}\n`);
  }
  process.exitCode = preview.status === 'ok' ? 0 : 1;
}

async function renderBatch(ctx: CliContext, options: RenderOptions): Promise<void> {
  if (!options.out) throw new CliError('--batch needs --out DIR');
  const params = {
    input: path.resolve(options.batch ?? ''),
    outDir: path.resolve(options.out),
    ...(options.sheet ? { sheet: path.resolve(options.sheet) } : {}),
    size: integer(options.size, '--size', 16, 4096),
    seed: integer(options.seed, '--seed', 0, 0xffff_ffff),
  };
  const followed = await withEngine(ctx, (client) =>
    followJob(client, () => client.call('jobs.start', { kind: 'render.batch', params }), { label: 'render' }),
  );
  reportFinishedJob(followed.job, options.json, followed.cancelledByUser);
}

/** Registers `vcheck render`. */
export function registerRenderCommand(program: Command, ctx: CliContext): void {
  program
    .command('render')
    .description('render a raw model answer (or a JSONL batch of them) to PNG in a sandbox')
    .argument('[file]', 'file with the raw answer (- for stdin)')
    .option('-l, --language <language>', `one of ${RENDER_LANGUAGE_NAMES.join(', ')}`)
    .option('-o, --output <png>', 'where to write the PNG')
    .option('--batch <jsonl>', 'render every { "id", "language", "response" } line of this file')
    .option('--out <dir>', 'output folder of --batch (<id>.png and report.jsonl)')
    .option('--sheet <png>', 'with --batch: also write a contact sheet of all results')
    .option('--size <px>', 'long side of the PNG in pixels', '512')
    .option('--seed <n>', 'seed for random()/noise()', '0')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string | undefined, options: RenderOptions) => {
        if (options.batch) return renderBatch(ctx, options);
        if (!file) throw new CliError('give a FILE (or --batch IN.jsonl --out DIR)');
        return renderOne(ctx, file, options);
      }),
    );
}
