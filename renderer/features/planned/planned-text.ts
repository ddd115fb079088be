/** What each page that is not built yet will hold, so the shell never pretends with fake data. */

/** Pages that are announced but not built. */
export type PlannedPageId = 'new-run' | 'gallery' | 'metrics' | 'compare' | 'training' | 'models';

/** A plain description of the capability that will land on a page. */
export interface PlannedText {
  readonly title: string;
  readonly capability: string;
}

/** The capability of each planned page. */
export const PLANNED: Readonly<Record<PlannedPageId, PlannedText>> = {
  'new-run': {
    title: 'New run',
    capability:
      'A run wizard: choose a dataset version, models (local GGUF or an OpenAI-compatible server), drawing languages, prompt templates and seeds, then start a draw, recognise or correct run as a job.',
  },
  gallery: {
    title: 'Gallery',
    capability:
      'The rendered images of a run, filterable by concept, model, language and render status, with the generated code, the render error and the sandbox used beside each image.',
  },
  metrics: {
    title: 'Metrics',
    capability:
      'CLIP fidelity, LPIPS diversity, FID/KID and recognition accuracy per run, each score with its provenance (metric model hash, preprocessing, N).',
  },
  compare: {
    title: 'Compare',
    capability:
      'Runs side by side: models, languages and self-correction rounds, with the metric differences between them.',
  },
  training: {
    title: 'Training',
    capability:
      'MoCo-v2 pre-training on generated images, kNN and linear-probe evaluation, procedural baselines, and dataset export for training elsewhere.',
  },
  models: {
    title: 'Models',
    capability:
      'The language models and metric models (CLIP, LPIPS, Inception) in the data directory: what is installed, file hashes, and importing new ones.',
  },
};
