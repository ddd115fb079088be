/**
 * Where the concepts of a new dataset version come from: the shapes generator, the built-in
 * objects and scenes, or an importer. Each source yields concept items plus the provenance that
 * makes the version reproducible (generator version, file sha256, options).
 */
import path from 'node:path';
import type { DatasetBuildParams } from '../../shared/jobs.js';
import type { DatasetKind } from '../../shared/datasets.js';
import { AppFailure, assertNever } from '../../shared/result.js';
import { builtinObjects } from './builtin/objects.js';
import { builtinScenes } from './builtin/scenes.js';
import type { ConceptItem, ImportStats } from './concept-item.js';
import { ImportError, runImport, type ImportRequest } from './importers/index.js';
import {
  checkFilter,
  countSpace,
  streamSample,
  testSplit,
  SHAPES_GENERATOR_VERSION,
  toConceptItem,
} from './shapes/index.js';
import type { ShapeFilter } from './shapes/index.js';
import type { Store } from '../store/store.js';
import { deriveSource } from './derive-source.js';

/** A resolved source: its items (lazy for the shapes space), size when known, and provenance. */
export interface ConceptSource {
  readonly kind: DatasetKind;
  readonly defaultName: string;
  readonly source: string;
  readonly seed: number | null;
  /** Everything needed to rebuild the same version. */
  readonly provenance: Readonly<Record<string, unknown>>;
  readonly total: number | null;
  readonly items: Iterable<ConceptItem>;
  readonly stats?: ImportStats;
  /** The version this one was derived from. */
  readonly parentId?: string;
}

/** Resolves build params to a concept source; bad input becomes a `validation` failure. */
export async function openConceptSource(params: DatasetBuildParams, store: Store): Promise<ConceptSource> {
  switch (params.source) {
    case 'derive':
      return deriveSource(params, store);
    case 'shapes':
      return shapesSource(params);
    case 'objects':
      return builtin('objects', builtinObjects());
    case 'scenes':
      return builtin('scenes', builtinScenes());
    case 'import':
      return importSource(params);
    default:
      return assertNever(params, 'dataset source');
  }
}

function shapesSource(params: Extract<DatasetBuildParams, { source: 'shapes' }>): ConceptSource {
  const filter = params.filter as ShapeFilter | undefined;
  const problems = filter ? checkFilter(filter) : [];
  if (problems.length > 0)
    throw new AppFailure('validation', `Invalid shapes filter: ${problems.join('; ')}`);
  const available = countSpace(filter);
  const total = params.size ?? (params.split ? 1500 : available);
  if (total > available) {
    throw new AppFailure('validation', `size ${total} exceeds the ${available} shapes the filter allows`);
  }
  const options = {
    seed: params.seed,
    ...(params.size ? { size: params.size } : {}),
    ...(filter ? { filter } : {}),
  };
  const shapes = params.split ? testSplit(options) : streamSample(options);
  const label = params.split ? 'test' : params.size ? `n${params.size}` : 'all';
  return {
    kind: 'shapes',
    defaultName: `shapes-${label}-s${params.seed}`,
    source: `generator:shapes@${SHAPES_GENERATOR_VERSION}`,
    seed: params.seed,
    provenance: {
      generator: 'shapes',
      generatorVersion: SHAPES_GENERATOR_VERSION,
      ...options,
      split: params.split ?? null,
    },
    total,
    items: mapIterable(shapes, toConceptItem),
  };
}

function builtin(which: 'objects' | 'scenes', items: ConceptItem[]): ConceptSource {
  return {
    kind: which,
    defaultName: which,
    source: `builtin:${which}`,
    seed: null,
    provenance: { builtin: which },
    total: items.length,
    items,
  };
}

async function importSource(
  params: Extract<DatasetBuildParams, { source: 'import' }>,
): Promise<ConceptSource> {
  const request = { kind: params.format, file: params.file, options: params.options ?? {} } as ImportRequest;
  try {
    const summary = await runImport(request);
    return {
      kind:
        params.format === 'ade20k-objects'
          ? 'objects'
          : params.format === 'coco-captions'
            ? 'scenes'
            : 'imported',
      defaultName: path.basename(params.file).replace(/\.[^.]+$/, ''),
      source: `import:${params.format}`,
      seed: 'seed' in summary.source.options ? Number(summary.source.options.seed) : null,
      provenance: { ...summary.source },
      total: summary.items.length,
      items: summary.items,
      stats: summary.stats,
    };
  } catch (error) {
    if (error instanceof ImportError || error instanceof RangeError)
      throw new AppFailure('validation', error.message);
    throw error;
  }
}

function* mapIterable<A, B>(items: Iterable<A>, map: (a: A) => B): Generator<B> {
  for (const item of items) yield map(item);
}
