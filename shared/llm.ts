/** Language-model types the faces see: models of the model manager, catalogue entries, answers. */

/** What a GGUF file's header says (no weights are read). */
export interface ModelHeaderFacts {
  readonly version: number;
  readonly architecture: string;
  readonly name: string | null;
  readonly parameters: number;
  readonly quantisation: string;
  readonly contextLength: number | null;
  readonly chatTemplate: string | null;
  readonly tensorCount: number;
  readonly blockCount: number | null;
  readonly embeddingLength: number | null;
  readonly headCount: number | null;
  readonly headCountKv: number | null;
  readonly fileBytes: number;
}

/** The memory estimate shown before loading a model. */
export interface ModelMemoryView {
  readonly contextSize: number;
  readonly totalBytes: number;
  readonly fits: boolean;
  readonly message: string;
}

/** How the model manager holds a file. */
export type ModelStorageKind = 'reference' | 'copy' | 'download';
/** Ready, being downloaded, or a failed download (its bytes kept). */
export type ModelState = 'ready' | 'downloading' | 'failed';

/** A model of the model manager. */
export interface LlmModelView {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly storage: ModelStorageKind;
  readonly status: ModelState;
  readonly sha256: string | null;
  readonly sizeBytes: number | null;
  readonly sourceUrl: string | null;
  readonly error: string | null;
  readonly info: ModelHeaderFacts | null;
  readonly memory: ModelMemoryView | null;
  readonly createdAt: string;
}

/** A GGUF file looked at without importing it. */
export interface ModelInspection {
  readonly path: string;
  readonly info: ModelHeaderFacts;
  readonly memory: ModelMemoryView;
}

/** A model of the built-in catalogue; sha256 null: not verified when the catalogue was written. */
export interface CatalogueModel {
  readonly id: string;
  readonly name: string;
  readonly parameters: string;
  readonly quantisation: string;
  readonly sizeBytes: number;
  readonly url: string;
  readonly sha256: string | null;
  readonly license: string;
}

/** The answer of `llm.ask`. */
export interface LlmAnswer {
  readonly text: string;
  readonly finishReason: 'stop' | 'length' | 'abort' | 'other';
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly timings: {
    readonly ttftMs: number | null;
    readonly totalMs: number;
    readonly tokensPerSecond: number;
  };
  readonly params: {
    readonly temperature: number;
    readonly topP: number;
    readonly topK: number | null;
    readonly maxTokens: number;
    readonly stop: readonly string[];
    readonly seed: number;
  };
  /** The GGUF file, or the endpoint URL for a server. */
  readonly modelPath: string;
  /** Where it ran: cpu, cuda, vulkan or metal (in-process), or http. */
  readonly backend: string;
  readonly attempts: number;
  readonly warnings: readonly string[];
}

/** What a prompt template asks the model to do. */
export const TEMPLATE_TASKS = [
  'draw',
  'draw-function',
  'recognise-free',
  'recognise-choice',
  'correct',
  'correct-critique',
  'critique',
] as const;
/** A template task. */
export type TemplateTask = (typeof TEMPLATE_TASKS)[number];

/** One version of a prompt template, with `{placeholders}` in its messages. */
export interface PromptTemplateView {
  readonly id: string;
  readonly version: number;
  readonly task: TemplateTask;
  readonly description: string;
  readonly messages: ReadonlyArray<{
    readonly role: 'system' | 'user' | 'assistant';
    readonly content: string;
  }>;
  /** Built into the app (read-only) or added by the user (stored in SQLite). */
  readonly origin: 'builtin' | 'user';
}
