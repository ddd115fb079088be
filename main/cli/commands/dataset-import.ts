/** `vcheck datasets import <format> FILE [options]`: the five importers behind one command. */
import type { Command } from 'commander';
import { IMPORT_FORMATS, type DatasetBuildRequest } from '../../../shared/jobs.js';
import { integerIn } from '../arguments.js';
import type { CliContext } from '../context.js';
import { action, CliError } from '../errors.js';
import { buildDataset, columnRef, inputFile, splitList } from './dataset-build.js';

interface ImportOptions {
  top?: number;
  rankBy?: string;
  n?: number;
  seed?: number;
  category?: string;
  delimiter?: string;
  header?: boolean;
  column?: string;
  categoryColumn?: string;
  keyColumn?: string;
  attributeColumns?: string[];
  field?: string;
  categoryField?: string;
  keyField?: string;
  name?: string;
  description?: string;
  json?: boolean;
}

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The importer options for `format` from the command-line options (unknown combinations are ignored). */
function importOptions(format: (typeof IMPORT_FORMATS)[number], o: ImportOptions): Record<string, unknown> {
  switch (format) {
    case 'ade20k-objects':
      return defined({ top: o.top, rankBy: o.rankBy });
    case 'coco-captions':
      return defined({ n: o.n, seed: o.seed });
    case 'lines':
      return defined({ category: o.category });
    case 'csv':
      return defined({
        delimiter: o.delimiter,
        header: o.header,
        textColumn: o.column === undefined ? undefined : columnRef(o.column),
        categoryColumn: o.categoryColumn === undefined ? undefined : columnRef(o.categoryColumn),
        keyColumn: o.keyColumn === undefined ? undefined : columnRef(o.keyColumn),
        attributeColumns: o.attributeColumns?.map(columnRef),
        category: o.category,
      });
    case 'jsonl':
      return defined({
        textField: o.field,
        categoryField: o.categoryField,
        keyField: o.keyField,
        category: o.category,
      });
  }
}

/** Registers `datasets import`. */
export function registerImportCommand(datasets: Command, ctx: CliContext): void {
  datasets
    .command('import <format> <file>')
    .description(`import concepts from a file; format: ${IMPORT_FORMATS.join(' | ')}`)
    .option('--top <n>', 'ade20k-objects: keep the N most frequent (default 1000)', integerIn(1, 1_000_000))
    .option('--rank-by <what>', 'ade20k-objects with objectInfo150.csv: train (default) or ratio')
    .option(
      '--n <n>',
      'coco-captions: how many captions, one per image (default 1000)',
      integerIn(1, 10_000_000),
    )
    .option('--seed <n>', 'coco-captions: seed of the sample (default 0)', integerIn(0, 0xffff_ffff))
    .option('--category <name>', 'lines/csv/jsonl: category of every concept (default custom)')
    .option('--delimiter <char>', 'csv: field delimiter (default: tab for .tsv, else comma)')
    .option('--no-header', 'csv: the first row is data, not column names')
    .option('--column <name|n>', 'csv: the concept text column (name or 1-based number)')
    .option('--category-column <name|n>', 'csv: a column with each concept category')
    .option('--key-column <name|n>', 'csv: a column with a stable key per concept')
    .option('--attribute-columns <list>', 'csv: columns kept as attributes (comma-separated)', splitList)
    .option('--field <name>', 'jsonl: the concept text field')
    .option('--category-field <name>', 'jsonl: a field with each concept category')
    .option('--key-field <name>', 'jsonl: a field with a stable key per concept')
    .option('--name <name>', 'dataset name (default: the file name; a new version when it exists)')
    .option('--description <text>', 'a note kept with the version')
    .option('--json', 'print { id, count, contentHash }')
    .action(
      action(async (format: string, file: string, o: ImportOptions) => {
        if (!(IMPORT_FORMATS as ReadonlyArray<string>).includes(format)) {
          throw new CliError(`unknown import format "${format}": expected ${IMPORT_FORMATS.join(', ')}`);
        }
        const f = format as (typeof IMPORT_FORMATS)[number];
        const params = {
          source: 'import',
          format: f,
          file: inputFile(file),
          options: importOptions(f, o),
          ...defined({ name: o.name, description: o.description }),
        } as DatasetBuildRequest;
        await buildDataset(ctx, params, o.json);
      }),
    );
}
