/** `vcheck runs export|report`: a run's samples and scores as files, through the engine. */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { RUN_EXPORT_FORMATS, type RunExportFormat } from '../../../shared/runs.js';
import { integerIn } from '../arguments.js';
import type { CliContext } from '../context.js';
import { action, unwrap } from '../errors.js';
import { formatBytes, printJson } from '../output.js';
import { withEngine } from '../with-engine.js';

interface ExportFlags {
  readonly format: RunExportFormat;
  readonly out: string;
  readonly shardSize?: number;
  readonly json?: boolean;
}

interface ReportFlags {
  readonly out: string;
  readonly imagesBeside?: boolean;
  readonly json?: boolean;
}

function registerExport(runs: Command, ctx: CliContext): void {
  runs
    .command('export <run>')
    .description('samples and scores as JSONL or CSV, images as an ImageFolder tree or WebDataset shards')
    .addOption(new Option('--format <f>', 'export format').choices(RUN_EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption('-o, --out <path>', 'a file (jsonl, csv) or a folder (imagefolder, webdataset)')
    .option('--shard-size <n>', 'webdataset: samples per tar shard (default 1000)', integerIn(1, 1_000_000))
    .option('--json', 'print what was written as JSON')
    .action(
      action(async (id: string, o: ExportFlags) => {
        const request = {
          id,
          format: o.format,
          out: path.resolve(o.out),
          ...(o.shardSize === undefined ? {} : { shardSize: o.shardSize }),
        };
        const written = await withEngine(ctx, async (client) =>
          unwrap(await client.call('runs.export', request)),
        );
        if (o.json) return printJson(written);
        process.stdout.write(
          `Exported ${written.samples} samples of ${id} as ${written.format}: ${written.path} ` +
            `(${written.files} files, ${formatBytes(written.bytes)})\n`,
        );
      }),
    );
}

function registerReport(runs: Command, ctx: CliContext): void {
  runs
    .command('report <run>')
    .description('one self-contained HTML report (opens offline): scores, charts, config, provenance')
    .requiredOption('-o, --out <file>', 'the HTML file to write')
    .option('--images-beside', 'write the images next to the report instead of embedding them')
    .option('--json', 'print what was written as JSON')
    .action(
      action(async (id: string, o: ReportFlags) => {
        const request = { id, out: path.resolve(o.out), embedImages: !o.imagesBeside };
        const written = await withEngine(ctx, async (client) =>
          unwrap(await client.call('runs.report', request)),
        );
        if (o.json) return printJson(written);
        process.stdout.write(
          `Wrote ${written.file} (${formatBytes(written.bytes)}, ${written.images} images)\n`,
        );
      }),
    );
}

/** Registers `runs export` and `runs report`. */
export function registerRunFileCommands(runs: Command, ctx: CliContext): void {
  registerExport(runs, ctx);
  registerReport(runs, ctx);
}
