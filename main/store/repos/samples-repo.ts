/**
 * Writes of a run's finished items: a sample with its generation, render and recognition, all in
 * one transaction, so a crash leaves either the whole item or nothing of it. Which items are done
 * is read back from the same rows: the samples table is the truth a resumed run starts from.
 */
import type { Database } from 'better-sqlite3';

/** A sample row: one drawing (or recognition) of one concept by one model in one language. */
export interface NewSample {
  readonly runId: string;
  readonly datasetId: string | null;
  readonly conceptIdx: number;
  readonly model: string;
  readonly language: string;
  readonly strategy: string;
  readonly sampleIndex: number;
  readonly round: number;
  readonly seed: number;
  /** A `SampleStatus` of shared/experiments.ts. */
  readonly status: string;
  readonly parentSampleId?: number | null;
  readonly args?: unknown;
  readonly code?: string | null;
  readonly errorText?: string | null;
}

/** The LLM call behind a sample. */
export interface NewGeneration {
  readonly provider: string;
  readonly modelId: string;
  readonly prompt: string;
  readonly messages: unknown;
  readonly rawResponse: string | null;
  readonly finishReason: string | null;
  readonly promptTokens: number | null;
  readonly completionTokens: number | null;
  readonly ttftMs: number | null;
  readonly durationMs: number | null;
  readonly params: unknown;
  /** `id@version` of the prompt template. */
  readonly templateVersion: string | null;
  readonly cacheKey: string | null;
  readonly cached: boolean;
  readonly errorText: string | null;
}

/** How a sample's code rendered (the image is in the image store under `imageHash`). */
export interface NewRender {
  readonly language: string;
  readonly status: string;
  readonly errorText: string | null;
  readonly imageHash: string | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly durationMs: number;
  readonly renderer: string;
  readonly rendererVersion: string;
  readonly sandbox: string;
}

/** A recognition of one piece of code. */
export interface NewRecognition {
  readonly mode: 'free' | 'choice';
  readonly inputKind: 'sample' | 'file' | 'drawing';
  readonly inputRef: string | null;
  readonly code: string;
  readonly truth: string;
  readonly candidates: ReadonlyArray<string> | null;
  readonly answer: string | null;
  readonly chosen: string | null;
  readonly correct: boolean | null;
  readonly match: string | null;
}

/** Everything one finished item writes. */
export interface ItemRecord {
  readonly sample: NewSample;
  /** Earlier calls the answer built on (a self-correct round's critique), stored before `generation`. */
  readonly earlierGenerations?: ReadonlyArray<NewGeneration>;
  /** The call whose answer the sample is. */
  readonly generation?: NewGeneration;
  readonly render?: NewRender;
  readonly recognition?: NewRecognition;
}

/** The identity of a sample within its run (the table's unique key). */
export function sampleKey(s: {
  readonly conceptIdx: number;
  readonly model: string;
  readonly language: string;
  readonly strategy: string;
  readonly sampleIndex: number;
  readonly round: number;
}): string {
  return [s.conceptIdx, s.model, s.language, s.strategy, s.sampleIndex, s.round].join('\u0000');
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** Samples, generations, renders and recognitions of runs. */
export class SamplesRepo {
  constructor(private readonly db: Database) {}

  /** Writes items in one transaction; returns the new sample ids in order. */
  commit(items: ReadonlyArray<ItemRecord>): number[] {
    return this.db.transaction(() => items.map((item) => this.insertItem(item)))();
  }

  /** The keys ({@link sampleKey}) of every sample a run has. */
  doneKeys(runId: string): Set<string> {
    const rows = this.db
      .prepare(
        `SELECT concept_idx AS conceptIdx, model, language, strategy, sample_index AS sampleIndex, round
         FROM samples WHERE run_id = ?`,
      )
      .all(runId) as Parameters<typeof sampleKey>[0][];
    return new Set(rows.map(sampleKey));
  }

  /** The id of a sample by its key, or null. */
  idOf(runId: string, key: Parameters<typeof sampleKey>[0]): number | null {
    const row = this.db
      .prepare(
        `SELECT id FROM samples WHERE run_id = ? AND concept_idx = ? AND model = ? AND language = ?
           AND strategy = ? AND sample_index = ? AND round = ?`,
      )
      .get(runId, key.conceptIdx, key.model, key.language, key.strategy, key.sampleIndex, key.round) as
      { id: number } | undefined;
    return row?.id ?? null;
  }

  /** Counts of a run's samples per sample status. */
  countsByStatus(runId: string): Record<string, number> {
    const rows = this.db
      .prepare('SELECT status, COUNT(*) AS n FROM samples WHERE run_id = ? GROUP BY status')
      .all(runId) as { status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  private insertItem({ sample, earlierGenerations, generation, render, recognition }: ItemRecord): number {
    const now = new Date().toISOString();
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO samples (run_id, dataset_id, concept_idx, model, language, strategy, sample_index, round,
             seed, status, created_at, parent_sample_id, args_json, code, error_text)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          sample.runId,
          sample.datasetId,
          sample.conceptIdx,
          sample.model,
          sample.language,
          sample.strategy,
          sample.sampleIndex,
          sample.round,
          sample.seed,
          sample.status,
          now,
          sample.parentSampleId ?? null,
          json(sample.args),
          sample.code ?? null,
          sample.errorText ?? null,
        ).lastInsertRowid,
    );
    for (const earlier of earlierGenerations ?? []) this.insertGeneration(id, earlier, now);
    if (generation) this.insertGeneration(id, generation, now);
    if (render) this.insertRender(id, render, now);
    if (recognition) this.insertRecognition(id, recognition, now);
    return id;
  }

  private insertGeneration(sampleId: number, g: NewGeneration, now: string): void {
    this.db
      .prepare(
        `INSERT INTO generations (sample_id, provider, model_id, prompt, messages_json, raw_response, finish_reason,
           prompt_tokens, completion_tokens, ttft_ms, duration_ms, params_json, template_version, cache_key,
           cached, error_text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        sampleId,
        g.provider,
        g.modelId,
        g.prompt,
        JSON.stringify(g.messages),
        g.rawResponse,
        g.finishReason,
        g.promptTokens,
        g.completionTokens,
        g.ttftMs,
        g.durationMs,
        JSON.stringify(g.params),
        g.templateVersion,
        g.cacheKey,
        g.cached ? 1 : 0,
        g.errorText,
        now,
      );
  }

  private insertRender(sampleId: number, r: NewRender, now: string): void {
    this.db
      .prepare(
        `INSERT INTO renders (sample_id, language, status, error_text, image_hash, width, height, duration_ms,
           renderer, renderer_version, sandbox, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        sampleId,
        r.language,
        r.status,
        r.errorText,
        r.imageHash,
        r.width,
        r.height,
        r.durationMs,
        r.renderer,
        r.rendererVersion,
        r.sandbox,
        now,
      );
  }

  private insertRecognition(sampleId: number, r: NewRecognition, now: string): void {
    this.db
      .prepare(
        `INSERT INTO recognitions (sample_id, mode, input_kind, input_ref, code, truth, candidates_json, answer,
           chosen, correct, match, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        sampleId,
        r.mode,
        r.inputKind,
        r.inputRef,
        r.code,
        r.truth,
        r.candidates ? JSON.stringify(r.candidates) : null,
        r.answer,
        r.chosen,
        r.correct === null ? null : r.correct ? 1 : 0,
        r.match,
        now,
      );
  }
}
