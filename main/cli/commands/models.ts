/** `vcheck models list|catalogue|import|info|pull|rm`: the GGUF model manager. */
import path from 'node:path';
import type { Command } from 'commander';
import type { LlmModelView, ModelHeaderFacts } from '../../../shared/llm.js';
import type { CliContext } from '../context.js';
import { action, CliError, unwrap } from '../errors.js';
import { followJob } from '../follow-job.js';
import { describeJob, jobExitCode } from '../job-report.js';
import { formatBytes, formatTime, printJson, printTable } from '../output.js';
import { withEngine } from '../with-engine.js';

const parameters = (n: number): string =>
  n >= 1e9 ? `${(n / 1e9).toFixed(1)}B` : `${(n / 1e6).toFixed(1)}M`;

function modelRow(m: LlmModelView): ReadonlyArray<string> {
  return [
    m.id,
    m.status,
    m.info?.architecture ?? '-',
    m.info ? parameters(m.info.parameters) : '-',
    m.info?.quantisation ?? '-',
    m.sizeBytes === null ? '-' : formatBytes(m.sizeBytes),
    formatTime(m.createdAt),
    m.name,
  ];
}

function factLines(info: ModelHeaderFacts): string[] {
  return [
    `architecture ${info.architecture}, ${parameters(info.parameters)} parameters (${info.parameters}), ${info.quantisation}`,
    `context length ${info.contextLength ?? 'unknown'}, ${info.tensorCount} tensors, GGUF v${info.version}`,
    `chat template: ${info.chatTemplate ? `${info.chatTemplate.length} characters` : 'none (a generic one is used)'}`,
  ];
}

function printModel(m: LlmModelView): void {
  const lines = [
    `${m.name}  (${m.id})  ${m.status}${m.error ? `: ${m.error}` : ''}`,
    `${m.storage === 'reference' ? 'referenced at' : 'stored at'} ${m.path}`,
    `sha256 ${m.sha256 ?? '-'}${m.sourceUrl ? `\nfrom ${m.sourceUrl}` : ''}`,
    ...(m.info ? factLines(m.info) : []),
    ...(m.memory ? [`memory at ${m.memory.contextSize} tokens of context: ${m.memory.message}`] : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** The `{ id, architecture, parameters, quantisation, contextLength, sha256 }` scripts rely on. */
function importJson(m: LlmModelView): Record<string, unknown> {
  return {
    id: m.id,
    architecture: m.info?.architecture ?? null,
    parameters: m.info?.parameters ?? null,
    quantisation: m.info?.quantisation ?? null,
    contextLength: m.info?.contextLength ?? null,
    sha256: m.sha256,
  };
}

function registerReadCommands(models: Command, ctx: CliContext): void {
  models
    .command('list')
    .description('models the workbench knows (imported, downloading, failed)')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { json?: boolean }) => {
        const list = await withEngine(ctx, async (client) => unwrap(await client.call('models.list', {})));
        if (o.json) return printJson(list);
        printTable(['ID', 'STATUS', 'ARCH', 'PARAMS', 'QUANT', 'SIZE', 'ADDED', 'NAME'], list.map(modelRow));
      }),
    );
  models
    .command('catalogue')
    .description('recommended code-capable models that `models pull ID` downloads')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { json?: boolean }) => {
        const list = await withEngine(ctx, async (client) =>
          unwrap(await client.call('models.catalogue', {})),
        );
        if (o.json) return printJson(list);
        const rows = list.map((m) => [
          m.id,
          m.parameters,
          m.quantisation,
          formatBytes(m.sizeBytes),
          m.sha256 ? 'yes' : 'no',
        ]);
        printTable(['ID', 'PARAMS', 'QUANT', 'SIZE', 'KNOWN SHA256'], rows);
      }),
    );
  models
    .command('info <model>')
    .description('a model by id, or any GGUF file by path: header facts and memory estimate')
    .option('--json', 'print JSON')
    .action(
      action(async (ref: string, o: { json?: boolean }) => {
        await withEngine(ctx, async (client) => {
          const known = await client.call('models.info', { id: ref });
          if (known.ok) return o.json ? printJson(known.value) : printModel(known.value);
          if (known.error.code !== 'not_found') unwrap(known);
          const file = unwrap(await client.call('models.inspect', { path: path.resolve(ref) }));
          if (o.json) return printJson(file);
          process.stdout.write(
            `${[file.path, ...factLines(file.info), `memory: ${file.memory.message}`].join('\n')}\n`,
          );
        });
      }),
    );
}

function registerWriteCommands(models: Command, ctx: CliContext): void {
  models
    .command('import <file>')
    .description('import a local GGUF file (referenced where it lies, or --copy into the data dir)')
    .option('--copy', 'copy the file into <data-dir>/models')
    .option('--name <name>', 'display name (default: the file name)')
    .option('--json', 'print { id, architecture, parameters, quantisation, contextLength, sha256 }')
    .action(
      action(async (file: string, o: { copy?: boolean; name?: string; json?: boolean }) => {
        const request = {
          path: path.resolve(file),
          copy: o.copy === true,
          ...(o.name ? { name: o.name } : {}),
        };
        const model = await withEngine(ctx, async (client) =>
          unwrap(await client.call('models.import', request)),
        );
        if (o.json) printJson(importJson(model));
        else printModel(model);
      }),
    );
  models
    .command('pull <source>')
    .description('download a catalogue model (by id) or a GGUF URL, resuming a partial download')
    .option('--sha256 <hex>', 'the file’s known sha256 (checked after the download)')
    .option('--name <name>', 'file name in <data-dir>/models')
    .option('--json', 'print the job result as JSON')
    .action(
      action(async (source: string, o: { sha256?: string; name?: string; json?: boolean }) => {
        const params = {
          source,
          ...(o.sha256 ? { sha256: o.sha256 } : {}),
          ...(o.name ? { name: o.name } : {}),
        };
        const followed = await withEngine(ctx, (client) =>
          followJob(client, () => client.call('jobs.start', { kind: 'models.pull', params }), {
            label: 'download',
          }),
        );
        if (o.json && followed.job.result) printJson(followed.job.result);
        else
          process.stdout.write(
            describeJob(followed.job)
              .map((l) => `${l}\n`)
              .join(''),
          );
        const code = jobExitCode(followed.job, followed.cancelledByUser);
        if (code !== 0) throw new CliError(followed.job.error ?? `the download ${followed.job.status}`, code);
      }),
    );
  models
    .command('rm <id>')
    .description('forget a model; deletes the file only when the workbench owns it (a copy or a download)')
    .action(
      action(async (id: string) => {
        const removed = await withEngine(ctx, async (client) =>
          unwrap(await client.call('models.remove', { id })),
        );
        process.stdout.write(
          `Removed ${removed.id}${removed.deletedFile ? ` and deleted ${removed.deletedFile}` : ''}.\n`,
        );
      }),
    );
}

/** Registers `vcheck models …`. */
export function registerModelsCommand(program: Command, ctx: CliContext): void {
  const models = program
    .command('models')
    .description('GGUF language models: import, download, inspect, remove');
  registerReadCommands(models, ctx);
  registerWriteCommands(models, ctx);
}
