/** `vcheck datasets list|show|create|import|derive|preview|export|delete`. */
import path from 'node:path';
import type { Command } from 'commander';
import type { ConceptView, DatasetSummary } from '../../../shared/datasets.js';
import { SHAPE_CATEGORY_NAMES, type DatasetBuildRequest } from '../../../shared/jobs.js';
import { integerIn } from '../arguments.js';
import type { CliContext } from '../context.js';
import { action, CliError, unwrap } from '../errors.js';
import { formatTime, printJson, printTable } from '../output.js';
import { withEngine } from '../with-engine.js';
import { registerImportCommand } from './dataset-import.js';
import { buildDataset, collectAttribute, splitList } from './dataset-build.js';

const seedArg = integerIn(0, 0xffff_ffff);

function datasetRow(d: DatasetSummary): ReadonlyArray<string> {
  return [
    d.id,
    `${d.name} v${d.version}`,
    d.kind,
    String(d.count),
    d.locked ? 'yes' : '',
    formatTime(d.createdAt),
    d.contentHash.slice(0, 19),
  ];
}

function printDataset(d: DatasetSummary): void {
  const lines = [
    `${d.name} v${d.version}  (${d.id})`,
    `kind ${d.kind}, source ${d.source}, ${d.count} concepts, seed ${d.seed ?? '-'}, ${d.locked ? 'locked (used by a run)' : 'unlocked'}`,
    `content ${d.contentHash}`,
    `created ${formatTime(d.createdAt)}${d.description ? `\n${d.description}` : ''}`,
    'categories:',
    ...Object.entries(d.stats.categories).map(([c, n]) => `  ${c}: ${n}`),
    'attributes:',
    ...Object.entries(d.stats.attributes).map(
      ([a, values]) =>
        `  ${a}: ${Object.entries(values)
          .map(([v, n]) => `${v} ${n}`)
          .join(', ')}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function conceptRow(c: ConceptView): ReadonlyArray<string> {
  const attributes = Object.entries(c.attributes).map(
    ([k, v]) => `${k}=${Array.isArray(v) ? v.join(';') : String(v)}`,
  );
  return [String(c.index), c.category, c.text, attributes.join(' ')];
}

function registerCreateCommand(datasets: Command, ctx: CliContext): void {
  datasets
    .command('create <source>')
    .description('make a dataset version: shapes (seeded generator), objects or scenes (built-in lists)')
    .option('--seed <n>', 'shapes: seed of the draw (same seed → same set, same order, same hash)', seedArg)
    .option('--size <n>', 'shapes: how many items (default: the whole space)', integerIn(1, 10_000_000))
    .option('--test-split', 'shapes: the stratified test split (1,500 items unless --size)')
    .option(
      '--category <list>',
      `shapes: only these categories (${SHAPE_CATEGORY_NAMES.join(', ')})`,
      splitList,
    )
    .option('--shape <list>', 'shapes: only these shapes (e.g. circle,star)', splitList)
    .option(
      '--attribute <name=values>',
      'shapes: only items with one of these values (repeatable)',
      collectAttribute,
    )
    .option('--name <name>', 'dataset name (a new version when it exists)')
    .option('--description <text>', 'a note kept with the version')
    .option('--json', 'print { id, count, contentHash }')
    .action(
      action(async (source: string, o: CreateOptions) => {
        await buildDataset(ctx, createParams(source, o), o.json);
      }),
    );
}

interface CreateOptions {
  seed?: number;
  size?: number;
  testSplit?: boolean;
  category?: string[];
  shape?: string[];
  attribute?: Record<string, string[]>;
  name?: string;
  description?: string;
  json?: boolean;
}

function createParams(source: string, o: CreateOptions): DatasetBuildRequest {
  const common = {
    ...(o.name ? { name: o.name } : {}),
    ...(o.description ? { description: o.description } : {}),
  };
  if (source === 'objects' || source === 'scenes') return { source, ...common };
  if (source !== 'shapes')
    throw new CliError(`unknown source "${source}": expected shapes, objects or scenes`);
  if (o.seed === undefined) throw new CliError('shapes needs --seed N');
  const filter = {
    ...(o.category ? { categories: o.category as (typeof SHAPE_CATEGORY_NAMES)[number][] } : {}),
    ...(o.shape ? { shapes: o.shape } : {}),
    ...(o.attribute ? { attributes: o.attribute } : {}),
  };
  return {
    source: 'shapes' as const,
    seed: o.seed,
    ...(o.size ? { size: o.size } : {}),
    ...(o.testSplit ? { split: 'test' as const } : {}),
    ...(Object.keys(filter).length ? { filter } : {}),
    ...common,
  };
}

function registerDeriveCommand(datasets: Command, ctx: CliContext): void {
  const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
  datasets
    .command('derive <id>')
    .description(
      'edit a version: the next version with categories kept, keys dropped, concepts added, a sample',
    )
    .option('--category <list>', 'keep only these categories', splitList)
    .option('--drop-key <key>', 'drop the concept with this key (repeatable)', collect)
    .option('--add <text>', 'append a concept (repeatable)', collect)
    .option('--sample <n>', 'then keep a seeded random sample of N', integerIn(1, 10_000_000))
    .option('--seed <n>', 'seed of the sample (default 0)', seedArg, 0)
    .option('--name <name>', 'dataset name (default: the same name, next version)')
    .option('--description <text>', 'a note kept with the version')
    .option('--json', 'print { id, count, contentHash }')
    .action(
      action(async (id: string, o: DeriveOptions) => {
        const params: DatasetBuildRequest = {
          source: 'derive',
          from: id,
          ...(o.category ? { categories: o.category } : {}),
          ...(o.dropKey ? { dropKeys: o.dropKey } : {}),
          ...(o.add ? { add: o.add.map((text) => ({ text })) } : {}),
          ...(o.sample ? { sample: { size: o.sample, seed: o.seed } } : {}),
          ...(o.name ? { name: o.name } : {}),
          ...(o.description ? { description: o.description } : {}),
        };
        await buildDataset(ctx, params, o.json);
      }),
    );
}

interface DeriveOptions {
  category?: string[];
  dropKey?: string[];
  add?: string[];
  sample?: number;
  seed: number;
  name?: string;
  description?: string;
  json?: boolean;
}

/** Registers the `datasets` commands. */
export function registerDatasetsCommand(program: Command, ctx: CliContext): void {
  const datasets = program
    .command('datasets')
    .description('concept datasets: versioned, seeded, reproducible');
  datasets
    .command('list')
    .description('every dataset version, newest first')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { json?: boolean }) => {
        const all = await withEngine(ctx, async (client) => unwrap(await client.call('datasets.list', {})));
        if (o.json) return printJson(all);
        if (all.length === 0) return void process.stdout.write('No datasets yet.\n');
        printTable(['ID', 'NAME', 'KIND', 'CONCEPTS', 'LOCKED', 'CREATED', 'CONTENT'], all.map(datasetRow));
      }),
    );
  datasets
    .command('show <id>')
    .description('one version with its counts per category and attribute')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        const d = await withEngine(ctx, async (client) => unwrap(await client.call('datasets.get', { id })));
        if (o.json) printJson(d);
        else printDataset(d);
      }),
    );
  registerCreateCommand(datasets, ctx);
  registerImportCommand(datasets, ctx);
  registerDeriveCommand(datasets, ctx);
  datasets
    .command('preview <id>')
    .description('the first concepts of a version with their category and attributes')
    .option('--limit <n>', 'how many (1-1000)', integerIn(1, 1000), 20)
    .option('--offset <n>', 'skip this many', integerIn(0, 100_000_000), 0)
    .option('--category <name>', 'only this category')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, o: { limit: number; offset: number; category?: string; json?: boolean }) => {
        const request = {
          id,
          limit: o.limit,
          offset: o.offset,
          ...(o.category ? { category: o.category } : {}),
        };
        const page = await withEngine(ctx, async (client) =>
          unwrap(await client.call('datasets.preview', request)),
        );
        if (o.json) return printJson(page.items);
        printTable(['#', 'CATEGORY', 'TEXT', 'ATTRIBUTES'], page.items.map(conceptRow));
        process.stdout.write(`(${page.items.length} of ${page.dataset.count})\n`);
      }),
    );
  datasets
    .command('export <id>')
    .description('write a version to JSONL or CSV')
    .requiredOption('-o, --out <file>', 'output file')
    .option('--format <format>', 'jsonl or csv (default: from the file extension)')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, o: { out: string; format?: string; json?: boolean }) => {
        const format = o.format ?? (o.out.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');
        if (format !== 'jsonl' && format !== 'csv')
          throw new CliError(`--format must be jsonl or csv, got "${format}"`);
        const file = path.resolve(o.out);
        const done = await withEngine(ctx, async (client) =>
          unwrap(await client.call('datasets.export', { id, format, file })),
        );
        if (o.json) printJson(done);
        else process.stdout.write(`Wrote ${done.count} concepts to ${done.file}\n`);
      }),
    );
  datasets
    .command('delete <id>')
    .description('delete a version no run has used')
    .action(
      action(async (id: string) => {
        await withEngine(ctx, async (client) => unwrap(await client.call('datasets.delete', { id })));
        process.stdout.write(`Deleted ${id}\n`);
      }),
    );
}
