/**
 * The handlers of every contract call: thin — take a parsed request, call a service, return the
 * value. Expected failures throw AppFailure; dispatch turns them into Results.
 */
import type { CallName, CallResponse, ParsedRequest } from '../../shared/contract.js';
import { AppFailure } from '../../shared/result.js';
import { exportDataset } from '../datasets/export-dataset.js';
import { doctorReport } from '../doctor/doctor-report.js';
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
};
