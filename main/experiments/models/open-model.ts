/**
 * A run's model spec opened for one attempt: the provider behind it (in-process GGUF, an
 * OpenAI-compatible server, or a recording), wrapped in its lane so that every call waits for a
 * slot. Lane sizes: embedded 1 (one context at a time; it batches a prompt's n samples itself),
 * openai the spec's `concurrency`, recorded 8 (replaying is free; 8 keeps renders busy).
 */
import { modelLabel, type ModelSpec } from '../../../shared/experiments.js';
import { EmbeddedProvider } from '../../llm/embedded/embedded-provider.js';
import type { LlmService } from '../../llm/llm-service.js';
import { OpenAiProvider } from '../../llm/openai/openai-provider.js';
import { RecordedProvider } from '../../llm/recorded/recorded-provider.js';
import type { LlmProvider } from '../../llm/types.js';
import { gatedProvider, LaneGate } from '../engine/lane-gate.js';
import type { LaneModel } from '../experiment.js';
import { recordedFile } from '../sample-run/samples-dir.js';

/** Calls in flight at once for a recorded model. */
export const RECORDED_LANE_SIZE = 8;

/** An opened model and its lane; `close` releases the provider (never the shared runtime). */
export interface OpenedModel {
  readonly model: LaneModel;
  readonly gate: LaneGate;
  close(): Promise<void>;
}

/** Calls in flight at once for a spec's lane. */
export function laneSize(spec: ModelSpec): number {
  switch (spec.provider) {
    case 'embedded':
      return 1;
    case 'openai':
      return spec.concurrency;
    case 'recorded':
      return RECORDED_LANE_SIZE;
  }
}

async function providerOf(
  spec: ModelSpec,
  llm: LlmService,
): Promise<{ provider: LlmProvider; lane: number }> {
  switch (spec.provider) {
    case 'embedded': {
      const file = await llm.resolveModel(spec.model);
      const provider = new EmbeddedProvider(llm.runtime(spec.threads), {
        modelPath: file.path,
        ...(file.sha256 ? { fileSha256: file.sha256 } : {}),
        ...(spec.contextSize ? { contextSize: spec.contextSize } : {}),
      });
      return { provider, lane: laneSize(spec) };
    }
    case 'openai': {
      const provider = new OpenAiProvider({
        baseUrl: spec.endpoint,
        model: spec.model,
        ...(spec.apiKey ? { apiKey: spec.apiKey } : {}),
        gates: llm.gates,
        concurrency: spec.concurrency,
      });
      return { provider, lane: laneSize(spec) };
    }
    case 'recorded':
      return { provider: new RecordedProvider(recordedFile(spec.file)), lane: laneSize(spec) };
  }
}

/**
 * Opens a spec: resolves the model file or recording and asks it for its identity. `onLaneWait`
 * learns the time calls spend waiting for a slot (not model time).
 */
export async function openLaneModel(
  spec: ModelSpec,
  llm: LlmService,
  onLaneWait?: (ms: number) => void,
): Promise<OpenedModel> {
  const { provider, lane } = await providerOf(spec, llm);
  try {
    const identity = await provider.describe();
    const gate = new LaneGate(lane, onLaneWait);
    const model: LaneModel = {
      spec,
      label: modelLabel(spec),
      identity,
      providerName: spec.provider,
      provider: gatedProvider(provider, gate),
    };
    return { model, gate, close: () => provider.close() };
  } catch (error) {
    await provider.close();
    throw error;
  }
}
