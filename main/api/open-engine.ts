/** Opens the engine on a data directory: the composition root of the domain modules. */
import type { EventName, EventPayloads } from '../../shared/contract.js';
import { datasetBuildJob } from '../datasets/build-dataset.js';
import { RunControl } from '../experiments/engine/run-control.js';
import { runsExecuteJob } from '../experiments/run-job.js';
import { RunService } from '../experiments/run-service.js';
import { storeVerifyJob } from '../jobs/kinds/store-verify.js';
import { JobRegistry } from '../jobs/registry.js';
import { LlmService } from '../llm/llm-service.js';
import { modelsPullJob } from '../llm/models/pull-job.js';
import { metricsComputeJob } from '../metrics/run/compute-run-job.js';
import { renderBatchJob } from '../render/batch/render-batch-job.js';
import { defaultPoolSize } from '../render/pool.js';
import { RenderService } from '../render/render-answer.js';
import { openStore } from '../store/store.js';
import { dispatchCall } from './dispatch.js';
import type { Engine, EngineListener, EngineOptions } from './engine.js';
import { packageInfo } from './package-info.js';
import type { Services } from './services.js';

/** Opens the store, registers the job kinds and recovers jobs interrupted by a dead process. */
export async function openEngine(options: EngineOptions): Promise<Engine> {
  const store = openStore({
    dataDir: options.dataDir,
    ...(options.sqliteNativeBinding ? { nativeBinding: options.sqliteNativeBinding } : {}),
  });
  const jobs = new JobRegistry(store.jobs);
  jobs.define(storeVerifyJob(store));
  jobs.define(datasetBuildJob(store));
  const render = new RenderService(store);
  jobs.define(renderBatchJob(render, defaultPoolSize()));
  const llm = new LlmService(store.db, store.dataDir);
  jobs.define(modelsPullJob(llm.models));
  jobs.define(metricsComputeJob(store));
  const version = packageInfo().version;
  const runControl = new RunControl();
  jobs.define(
    runsExecuteJob({
      store,
      llm,
      render,
      appVersion: version,
      control: runControl,
      renderPoolSize: defaultPoolSize(),
    }),
  );
  const runs = new RunService(store, jobs, version);
  // A build a dead process left half-written is invisible; drop its rows.
  store.datasets.discardAbandonedBuilds();
  const services: Services = { store, jobs, render, llm, runs, version };
  const listeners = new Set<EngineListener>();
  const emit = <E extends EventName>(event: E, payload: EventPayloads[E]): void => {
    for (const listener of listeners) listener(event, payload);
  };
  jobs.subscribe((event) => {
    emit('jobs.event', event);
    if (event.type !== 'status') return;
    const finishedBuild = event.job.kind === 'datasets.build' && event.job.status === 'succeeded';
    emit('store.changed', { tables: finishedBuild ? ['jobs', 'datasets'] : ['jobs'] });
  });
  if (options.recoverInterruptedJobs !== false) {
    jobs.recoverInterrupted();
    // No run is running in this new engine yet: a `running` run was left by a dead process.
    runs.recoverInterrupted();
  }
  let closed = false;
  return {
    dataDir: store.dataDir,
    dispatch: (name, request) => dispatchCall(services, name, request),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    imagePath: (hash) => store.images.existingPath(hash),
    close: async () => {
      if (closed) return;
      closed = true;
      runControl.markClosing();
      await jobs.shutdown();
      await render.dispose();
      await llm.close();
      listeners.clear();
      store.close();
    },
  };
}
