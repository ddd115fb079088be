/**
 * `models.pull`: downloads a GGUF model (a catalogue id or a URL) into the data dir. A cancelled or
 * killed pull keeps its partial file, and resuming the job continues it with a Range request.
 */
import { modelsPullParams, type ModelsPullParams, type ModelsPullResult } from '../../../shared/jobs.js';
import type { JobDefinition } from '../../jobs/types.js';
import { catalogueEntry } from './catalogue.js';
import type { ModelManager, PullSource } from './model-manager.js';

/** The download a pull request names. */
export function pullSource(params: ModelsPullParams): PullSource {
  const entry = catalogueEntry(params.source);
  if (entry) {
    return {
      url: entry.url,
      name: params.name ?? `${entry.id}.gguf`,
      expectedSha256: params.sha256?.toLowerCase() ?? entry.sha256,
    };
  }
  if (!/^https?:\/\//.test(params.source)) {
    throw new Error(
      `"${params.source}" is neither a catalogue model nor an http(s) URL; see \`vcheck models catalogue\`.`,
    );
  }
  return {
    url: params.source,
    ...(params.name ? { name: params.name } : {}),
    expectedSha256: params.sha256?.toLowerCase() ?? null,
  };
}

/** The job definition over a model manager. */
export function modelsPullJob(models: ModelManager): JobDefinition<'models.pull'> {
  return {
    kind: 'models.pull',
    params: modelsPullParams,
    run: async (raw, ctx): Promise<ModelsPullResult> => {
      const params = modelsPullParams.parse(raw);
      const { model, verifiedAgainst } = await models.pull(pullSource(params), ctx.signal, (p) =>
        ctx.report({
          kind: 'models.pull',
          fraction: p.totalBytes ? p.receivedBytes / p.totalBytes : null,
          done: p.receivedBytes,
          total: p.totalBytes,
          resumedFromBytes: p.resumedFromBytes,
        }),
      );
      ctx.log(`downloaded ${model.path}, sha256 ${model.sha256 ?? '?'}`);
      return {
        kind: 'models.pull',
        id: model.id,
        path: model.path,
        sha256: model.sha256 ?? '',
        sizeBytes: model.sizeBytes ?? 0,
        verifiedAgainst,
      };
    },
  };
}
