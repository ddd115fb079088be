/**
 * Diversity of a run: for each concept drawn by one model in one language, the mean LPIPS over
 * pairs of its images (all pairs up to the cap, then a seeded sample), with std and collapse flag.
 */
import type { MetricRecord } from '../../../shared/metrics.js';
import { DIVERSITY_IMPLEMENTATION_VERSION, diversityScore } from '../diversity/diversity.js';
import type { LpipsModel } from '../diversity/lpips-model.js';
import { diversityPairs } from '../diversity/pairs.js';
import { LPIPS_PREPROCESSING } from '../preprocess/image-tensors.js';
import type { DecodedRunImage, StepHook } from './fidelity-run.js';
import type { RunImage } from './run-images.js';

/** The concept group of an image: concept × model × language. */
export function conceptGroupKey(image: RunImage): string {
  return `${image.conceptKey ?? `#${image.conceptIdx}`}|${image.model}|${image.language}`;
}

/** One `diversity.lpips` record per concept group with at least two images. */
export async function diversityRecords(
  lpips: LpipsModel,
  images: ReadonlyArray<DecodedRunImage>,
  options: { readonly pairCap: number; readonly seed: number },
  onStep: StepHook = async () => {},
): Promise<MetricRecord[]> {
  const groups = new Map<string, DecodedRunImage[]>();
  for (const item of images) {
    const key = conceptGroupKey(item.image);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const records: MetricRecord[] = [];
  const scored = [...groups].filter(([, group]) => group.length >= 2);
  for (const [key, group] of scored) {
    const pairs = diversityPairs(group.length, options.pairCap, options.seed);
    const distances = await lpips.distances(
      pairs.map(([i, j]) => [group[i]!.pixels, group[j]!.pixels] as const),
    );
    const score = diversityScore(group.length, pairs, distances);
    records.push({
      scope: 'concept',
      scopeKey: key,
      name: 'diversity.lpips',
      value: score.mean,
      provenance: {
        metric: 'diversity.lpips',
        implementationVersion: DIVERSITY_IMPLEMENTATION_VERSION,
        model: { id: lpips.id, sha256: lpips.sha256, provider: lpips.provider },
        preprocessing: { ...LPIPS_PREPROCESSING },
        n: { images: score.images, pairs: score.pairs },
        seed: options.seed,
        settings: { std: score.std, collapsed: score.collapsed, pairCap: options.pairCap },
        warnings: score.warnings,
      },
    });
    await onStep(records.length, scored.length);
  }
  return records;
}
