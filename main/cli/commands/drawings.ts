/**
 * `vcheck drawings add|list|show`: human drawings captured as code (Processing or SVG), the inputs
 * of `vcheck run recognise --drawings`. The UI's drawing pad stores its strokes the same way.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { DrawingView } from '../../../shared/runs.js';
import type { CliContext } from '../context.js';
import { action, CliError, unwrap } from '../errors.js';
import { formatTime, printJson, printTable } from '../output.js';
import { withEngine } from '../with-engine.js';

interface AddFlags {
  readonly concept: string;
  readonly category?: string;
  readonly language: 'processing' | 'svg';
  readonly json?: boolean;
}

async function readCode(file: string): Promise<string> {
  try {
    return await readFile(path.resolve(file), 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function drawingRow(d: DrawingView): ReadonlyArray<string> {
  return [d.id, d.language, d.category ?? '-', formatTime(d.createdAt), d.concept];
}

function registerAdd(drawings: Command, ctx: CliContext): void {
  drawings
    .command('add <file>')
    .description('store a drawing from a Processing or SVG file, with the concept it shows')
    .requiredOption('--concept <text>', 'what the drawing shows (the truth recognition is scored against)')
    .option('--category <name>', 'its category (multiple choice draws distractors from it)')
    .addOption(
      new Option('--language <l>', 'the code language').choices(['processing', 'svg']).makeOptionMandatory(),
    )
    .option('--json', 'print the stored drawing as JSON')
    .action(
      action(async (file: string, o: AddFlags) => {
        const code = await readCode(file);
        const request = {
          concept: o.concept,
          language: o.language,
          code,
          ...(o.category === undefined ? {} : { category: o.category }),
        };
        const drawing = await withEngine(ctx, async (client) =>
          unwrap(await client.call('drawings.save', request)),
        );
        if (o.json) return printJson(drawing);
        process.stdout.write(`Stored drawing ${drawing.id} (${drawing.language}): ${drawing.concept}\n`);
      }),
    );
}

/** Registers `vcheck drawings`. */
export function registerDrawingsCommand(program: Command, ctx: CliContext): void {
  const drawings = program.command('drawings').description('human drawings stored as code');
  registerAdd(drawings, ctx);
  drawings
    .command('list')
    .description('list the stored drawings')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { json?: boolean }) => {
        const list = await withEngine(ctx, async (client) => unwrap(await client.call('drawings.list', {})));
        if (o.json) return printJson(list);
        if (list.length === 0) return void process.stdout.write('No drawings yet.\n');
        printTable(['ID', 'LANGUAGE', 'CATEGORY', 'CREATED', 'CONCEPT'], list.map(drawingRow));
      }),
    );
  drawings
    .command('show <id>')
    .description("print a drawing's code")
    .option('--json', 'print the drawing as JSON')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        const drawing = await withEngine(ctx, async (client) =>
          unwrap(await client.call('drawings.get', { id })),
        );
        if (o.json) return printJson(drawing);
        process.stdout.write(drawing.code.endsWith('\n') ? drawing.code : `${drawing.code}\n`);
      }),
    );
}
