/**
 * The handlers of every contract call: thin — take a parsed request, call a service, return the
 * value. Expected failures throw AppFailure; dispatch turns them into Results.
 */
import type { CallName, CallResponse, ParsedRequest } from '../../shared/contract.js';
import { AppFailure } from '../../shared/result.js';
import { exportDataset } from '../datasets/export-dataset.js';
import { doctorReport } from '../doctor/doctor-report.js';
import { exportRun } from '../experiments/export/export-run.js';
import { writeRunReport } from '../experiments/report/write-report.js';
import { installSampleRun } from '../experiments/sample-run/install-sample.js';
import { withLlmFailures } from '../llm/app-failure.js';
import { modelCatalogue } from '../llm/models/catalogue.js';
import { importMetricModel, metricModelViews } from '../metrics/models/model-views.js';
import { compareFeatureSets } from '../metrics/realism/compare-sets.js';
import { DrawingsRepo } from '../store/repos/drawings-repo.js';
import { MetricsRepo } from '../store/repos/metrics-repo.js';
import { previewRender } from '../render/preview.js';
import { storeStats } from '../store/repos/stats-repo.js';
import type { Services } from './services.js';

/** A handler per call; the mapped type makes a missing handler a compile error. */
export type Handlers = {
  readonly [N in CallName]: (
    request: ParsedRequest<N>,
    services: Services,
  ) => Promise<CallResponse<N>> | CallResponse<N>;
};

/** The one implementation of the contract. */
export const handlers: Handlers = {
  'app.info': (_req, s) => ({
    name: 'Vision Check-up Workbench',
    version: s.version,
    dataDir: s.store.dataDir,
    schemaVersion: s.store.schemaVersion,
  }),
  'doctor.report': (_req, s) => doctorReport({ dataDir: s.store.dataDir }),
  'store.stats': (_req, s) => storeStats(s.store.db),
  'runs.list': (req, s) => s.store.runs.list(req),
  'runs.get': (req, s) => {
    const run = s.store.runs.get(req.id);
    if (!run) throw new AppFailure('not_found', `No run ${req.id}.`);
    return run;
  },
  'datasets.list': (_req, s) => s.store.datasets.list(),
  'datasets.get': (req, s) => s.store.datasets.require(req.id),
  'datasets.preview': (req, s) => ({
    dataset: s.store.datasets.require(req.id),
    items: s.store.datasets.concepts(req.id, req),
  }),
  'datasets.export': (req, s) => exportDataset(s.store, req.id, req.format, req.file),
  'datasets.delete': (req, s) => {
    s.store.datasets.delete(req.id);
    return { deleted: req.id };
  },
  'jobs.list': (req, s) => s.store.jobs.list(req),
  'jobs.get': (req, s) => s.jobs.get(req.id),
  'jobs.start': (req, s) => s.jobs.start(req.kind, req.params),
  'jobs.cancel': (req, s) => s.jobs.cancel(req.id),
  'jobs.resume': (req, s) => s.jobs.resume(req.id),
  'metrics.fid': (req, s) => compareFeatureSets({ dataDir: s.store.dataDir, db: s.store.db }, req),
  'metrics.forRun': (req, s) => {
    if (!s.store.runs.get(req.runId)) throw new AppFailure('not_found', `No run ${req.runId}.`);
    return new MetricsRepo(s.store.db).forRun(req.runId);
  },
  'metrics.models': (_req, s) => metricModelViews(s.store.dataDir),
  'metrics.importModel': (req, s) => importMetricModel(s.store.dataDir, req.id, req.folder),
  'render.preview': (req, s) => previewRender(s.render, req),
  'models.list': (_req, s) => s.llm.models.list(),
  'models.catalogue': () => modelCatalogue(),
  'models.info': (req, s) => withLlmFailures(() => s.llm.models.get(req.id)),
  'models.inspect': (req, s) => withLlmFailures(() => s.llm.inspect(req.path)),
  'models.import': (req, s) =>
    withLlmFailures(() =>
      s.llm.models.import(req.path, { copy: req.copy, ...(req.name ? { name: req.name } : {}) }),
    ),
  'models.remove': (req, s) => withLlmFailures(() => s.llm.models.remove(req.id)),
  'llm.ask': (req, s) =>
    withLlmFailures(() =>
      s.llm.ask({
        model: req.model,
        prompt: req.prompt,
        ...(req.system ? { system: req.system } : {}),
        params: {
          maxTokens: req.maxTokens,
          temperature: req.temperature,
          topP: req.topP,
          topK: req.topK,
          seed: req.seed,
        },
        ...(req.threads ? { threads: req.threads } : {}),
        ...(req.contextSize ? { contextSize: req.contextSize } : {}),
        ...(req.endpoint
          ? { endpoint: { baseUrl: req.endpoint, ...(req.apiKey ? { apiKey: req.apiKey } : {}) } }
          : {}),
      }),
    ),
  'llm.cacheClear': (_req, s) => ({ removed: s.llm.cache.clear() }),
  'templates.list': (_req, s) => s.llm.templates.list(),
  'templates.save': (req, s) => withLlmFailures(() => s.llm.templates.save(req)),
  // Experiments (issue 7).
  'runs.create': (req, s) => s.runs.create(req.config, req.start),
  'runs.show': (req, s) => s.runs.show(req.id),
  'runs.samples': (req, s) => s.runs.samples(req.id, req),
  'runs.pause': (req, s) => s.runs.pause(req.id),
  'runs.resume': (req, s) => s.runs.resume(req.id),
  'runs.cancel': (req, s) => s.runs.cancel(req.id),
  'runs.delete': (req, s) => s.runs.delete(req.id),
  'runs.rerun': (req, s) => s.runs.rerun(req.id, req.changes, req.start),
  'runs.export': (req, s) => exportRun(s.store, req),
  'runs.report': (req, s) => writeRunReport(s.store, req),
  'runs.installSample': (_req, s) => installSampleRun(s.store, s.runs, s.version),
  'drawings.save': (req, s) => new DrawingsRepo(s.store.db).save(req),
  'drawings.list': (_req, s) => new DrawingsRepo(s.store.db).list(),
  'drawings.get': (req, s) => new DrawingsRepo(s.store.db).require(req.id),
};
