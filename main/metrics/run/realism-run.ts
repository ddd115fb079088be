/**
 * Realism of a run: FID and KID between the run's images and a reference folder of natural images
 * (the study used a 1K ImageNet sample). The reference features are cached by folder content hash
 * + model sha256 + preprocessing; the run's are computed each time (a run's images change).
 */
import type { MetricProvenance, MetricRecord } from '../../../shared/metrics.js';
import type { Store } from '../../store/store.js';
import { inceptionFileFeatures, inceptionFolderFeatures } from '../features/inception-features.js';
import { matrixFrom } from '../linalg/matrix.js';
import { INCEPTION_PREPROCESSING } from '../preprocess/image-tensors.js';
import { FID_IMPLEMENTATION_VERSION, frechetDistance } from '../realism/fid.js';
import { KID_IMPLEMENTATION_VERSION, kernelInceptionDistance } from '../realism/kid.js';
import type { RunImage } from './run-images.js';

/** `realism.fid` and `realism.kid` records (scope `run`) against `reference`. */
export async function realismRecords(
  store: Store,
  runId: string,
  images: ReadonlyArray<RunImage>,
  reference: string,
  seed: number,
): Promise<MetricRecord[]> {
  const ref = await inceptionFolderFeatures({ dataDir: store.dataDir, db: store.db }, reference);
  const files = images
    .map((i) => store.images.existingPath(i.imageHash))
    .filter((f): f is string => f !== null);
  const own = await inceptionFileFeatures(store.dataDir, files);
  const a = matrixFrom(own.n, own.d, own.features);
  const b = matrixFrom(ref.n, ref.d, ref.features);
  const fid = frechetDistance(a, b);
  const kid = kernelInceptionDistance(a, b, { seed });
  const skipped = [...own.skipped, ...ref.skipped.map((f) => `${reference}/${f}`)];
  const base: Omit<MetricProvenance, 'metric' | 'implementationVersion' | 'settings' | 'warnings' | 'seed'> =
    {
      model: { id: own.model.id, sha256: own.model.sha256, provider: own.model.provider },
      preprocessing: { ...INCEPTION_PREPROCESSING },
      n: { run: fid.nA, reference: fid.nB },
    };
  const inputWarnings = skipped.length ? [`undecodable images skipped: ${skipped.join(', ')}`] : [];
  const common = { reference, referenceHash: ref.contentHash, referenceCached: ref.cached };
  return [
    {
      scope: 'run',
      scopeKey: runId,
      name: 'realism.fid',
      value: fid.fid,
      provenance: {
        ...base,
        metric: 'realism.fid',
        implementationVersion: FID_IMPLEMENTATION_VERSION,
        seed: null,
        settings: { ...common, route: fid.route, d: fid.d },
        warnings: [...fid.warnings, ...inputWarnings],
      },
    },
    {
      scope: 'run',
      scopeKey: runId,
      name: 'realism.kid',
      value: kid.mean,
      provenance: {
        ...base,
        metric: 'realism.kid',
        implementationVersion: KID_IMPLEMENTATION_VERSION,
        seed: kid.seed,
        settings: { ...common, std: kid.std, subsets: kid.subsets, subsetSize: kid.subsetSize },
        warnings: [...kid.warnings, ...inputWarnings],
      },
    },
  ];
}
