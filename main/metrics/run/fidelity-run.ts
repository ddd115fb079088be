/**
 * Fidelity of every image of a run: CLIP similarity to the descriptions of all concepts of its
 * category in the dataset version, the true description's percentile, and the plain CLIP score.
 * Concept text embeddings are cached per dataset version and text-model hash.
 */
import type { Database } from 'better-sqlite3';
import type { MetricProvenance, MetricRecord } from '../../../shared/metrics.js';
import { MetricTextEmbeddingsRepo } from '../../store/repos/metric-text-embeddings-repo.js';
import {
  cosineSimilarity,
  FIDELITY_IMPLEMENTATION_VERSION,
  fidelityPercentile,
} from '../fidelity/percentile.js';
import type { ClipModel } from '../models/clip.js';
import { CLIP_PREPROCESSING } from '../preprocess/image-tensors.js';
import type { RgbImage } from '../preprocess/png-decode.js';
import { categoryConcepts, type RunImage } from './run-images.js';

/** A decoded image of a run. */
export interface DecodedRunImage {
  readonly image: RunImage;
  readonly pixels: RgbImage;
}

/** Text embeddings of a category's concepts, computing and caching the missing ones. */
async function categoryEmbeddings(
  db: Database,
  clip: ClipModel,
  datasetId: string,
  category: string,
): Promise<{ idx: number[]; embeddings: Float32Array[]; truncated: Map<number, boolean> }> {
  const concepts = categoryConcepts(db, datasetId, category);
  const repo = new MetricTextEmbeddingsRepo(db);
  const idx = concepts.map((c) => c.idx);
  const cached = repo.get(datasetId, clip.sha256.text, idx);
  const missing = concepts.filter((c) => !cached.has(c.idx));
  if (missing.length > 0) {
    const { embeddings, truncated } = await clip.embedTexts(missing.map((c) => c.text));
    const fresh = missing.map((c, i) => ({
      conceptIdx: c.idx,
      embedding: embeddings[i]!,
      truncated: truncated[i]!,
    }));
    repo.put(datasetId, clip.sha256.text, fresh);
    for (const f of fresh) cached.set(f.conceptIdx, f);
  }
  return {
    idx,
    embeddings: idx.map((i) => cached.get(i)!.embedding),
    truncated: new Map(idx.map((i) => [i, cached.get(i)!.truncated])),
  };
}

/** Images embedded per step: the model's own batch size, so batches are the same as in one call. */
const STEP = 16;

/** Called after each step of a long computation: `done` of `total` steps (may throw to stop). */
export type StepHook = (done: number, total: number) => Promise<void>;

async function embedInSteps(
  clip: ClipModel,
  images: ReadonlyArray<DecodedRunImage>,
  onStep: StepHook,
): Promise<Float32Array[]> {
  const embeddings: Float32Array[] = [];
  const total = Math.ceil(images.length / STEP);
  for (let step = 0; step < total; step++) {
    const chunk = images.slice(step * STEP, (step + 1) * STEP);
    embeddings.push(...(await clip.embedImages(chunk.map((i) => i.pixels))));
    await onStep(step + 1, total);
  }
  return embeddings;
}

/** Per-sample fidelity records (`fidelity.percentile`, `clip.score`) for the decoded images. */
export async function fidelityRecords(
  db: Database,
  clip: ClipModel,
  images: ReadonlyArray<DecodedRunImage>,
  onStep: StepHook = async () => {},
): Promise<{ records: MetricRecord[]; warnings: string[] }> {
  const records: MetricRecord[] = [];
  const warnings: string[] = [];
  const scorable = images.filter((i) => i.image.datasetId && i.image.category !== null);
  if (scorable.length < images.length)
    warnings.push(`${images.length - scorable.length} images have no dataset concept: no fidelity`);
  const imageEmbeddings = await embedInSteps(clip, scorable, onStep);
  const byCategory = new Map<string, Awaited<ReturnType<typeof categoryEmbeddings>>>();
  for (const [k, item] of scorable.entries()) {
    const { datasetId, category, conceptIdx, sampleId } = item.image;
    const key = `${datasetId}\u0000${category}`;
    if (!byCategory.has(key)) byCategory.set(key, await categoryEmbeddings(db, clip, datasetId!, category!));
    const texts = byCategory.get(key)!;
    const similarities = texts.embeddings.map((e) => cosineSimilarity(imageEmbeddings[k]!, e));
    const rank = fidelityPercentile(similarities, texts.idx.indexOf(conceptIdx));
    const own = texts.truncated.get(conceptIdx) ? ['text truncated at 77 tokens'] : [];
    const provenance: MetricProvenance = {
      metric: 'fidelity.percentile',
      implementationVersion: FIDELITY_IMPLEMENTATION_VERSION,
      model: { id: clip.id, sha256: `${clip.sha256.vision}+${clip.sha256.text}`, provider: clip.provider },
      preprocessing: { ...CLIP_PREPROCESSING },
      n: { candidates: rank.candidates },
      seed: null,
      settings: { rank: rank.rank, ties: 'half' },
      warnings: [...rank.warnings, ...own],
    };
    records.push({
      scope: 'sample',
      scopeKey: String(sampleId),
      name: 'fidelity.percentile',
      value: rank.percentile,
      provenance,
    });
    records.push({
      scope: 'sample',
      scopeKey: String(sampleId),
      name: 'clip.score',
      value: rank.trueSimilarity,
      provenance: { ...provenance, metric: 'clip.score', settings: { similarity: 'cosine' } },
    });
  }
  return { records, warnings };
}
