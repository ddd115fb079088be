/**
 * Dataset build benchmark: the whole shapes space generated, hashed and stored as a dataset version
 * through the real `datasets.build` job, against the baseline of only generating the same items in
 * the same process. The target: the full set generated and stored in well under a minute.
 *
 * Run: npx tsx bench/datasets-build.bench.ts
 */
import { openEngine } from '../main/api/open-engine.js';
import { countSpace, streamSample, toConceptItem } from '../main/datasets/shapes/index.js';
import type { JobSummary } from '../shared/jobs.js';
import { tempDataDir } from '../test/fixtures/data-dir.js';

const seed = 1;
let t = performance.now();
let generated = 0;
for (const item of streamSample({ seed })) if (toConceptItem(item).text.length > 0) generated += 1;
const generateMs = performance.now() - t;

const tmp = tempDataDir('vcheck-bench-');
const engine = await openEngine({ dataDir: tmp.dir });
try {
  t = performance.now();
  const started = await engine.dispatch('jobs.start', {
    kind: 'datasets.build',
    params: { source: 'shapes', seed },
  });
  if (!started.ok) throw new Error(started.error.message);
  let job = started.value as JobSummary;
  while (job.status === 'running' || job.status === 'queued') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const r = await engine.dispatch('jobs.get', { id: job.id });
    if (!r.ok) throw new Error(r.error.message);
    job = r.value as JobSummary;
  }
  const buildMs = performance.now() - t;
  if (job.status !== 'succeeded') throw new Error(`build ${job.status}: ${job.error}`);
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| items in the full shapes space | ${countSpace().toLocaleString('en')} |`);
  console.log(
    `| baseline: generate only | ${(generateMs / 1000).toFixed(2)} s (${Math.round(generated / (generateMs / 1000)).toLocaleString('en')} items/s) |`,
  );
  console.log(
    `| generate + hash + store (datasets.build job) | ${(buildMs / 1000).toFixed(2)} s (${Math.round(generated / (buildMs / 1000)).toLocaleString('en')} items/s) |`,
  );
  console.log(`| ratio build / generate | ${(buildMs / generateMs).toFixed(2)}x |`);
} finally {
  await engine.close();
  tmp.cleanup();
}
