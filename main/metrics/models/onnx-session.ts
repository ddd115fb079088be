/**
 * ONNX sessions for metric models: onnxruntime-node is imported only when a metric first needs a
 * model (so the app starts, and every other metric works, without it). The CUDA execution provider
 * is used where its library is installed — detected, never required — and CPU otherwise. Opening a
 * session checks the file's signature against the registry, so a wrongly exported model fails with
 * a message naming the mismatch instead of producing numbers.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { fileSha256 } from './model-files.js';
import type { ModelFileSpec, TensorSpec } from './registry.js';

/** Which execution provider a session runs on. */
export type ExecutionProvider = 'cuda' | 'cpu';

/** An input tensor: element type, data, dims. */
export type TensorInput =
  | { readonly type: 'float32'; readonly data: Float32Array; readonly dims: ReadonlyArray<number> }
  | { readonly type: 'int64'; readonly data: BigInt64Array; readonly dims: ReadonlyArray<number> };

/** A float32 output tensor. */
export interface TensorOutput {
  readonly data: Float32Array;
  readonly dims: ReadonlyArray<number>;
}

/** An open metric model session. */
export interface MetricSession {
  readonly file: string;
  readonly sha256: string;
  readonly provider: ExecutionProvider;
  run(feeds: Readonly<Record<string, TensorInput>>): Promise<Readonly<Record<string, TensorOutput>>>;
  release(): Promise<void>;
}

/** True when onnxruntime-node has its CUDA provider library next to the binding. */
export function cudaProviderInstalled(): boolean {
  try {
    const root = path.dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json'));
    const bin = path.join(root, 'bin');
    if (!existsSync(bin)) return false;
    return readdirSync(bin).some((napi) => {
      const dir = path.join(bin, napi, process.platform, process.arch);
      return existsSync(dir) && readdirSync(dir).some((name) => /providers_cuda/.test(name));
    });
  } catch {
    return false;
  }
}

/** Describes a tensor's signature for messages: `name float32[batch,3,299,299]`. */
const describe = (name: string, type: string, dims: ReadonlyArray<number | string>): string =>
  `${name} ${type}[${dims.join(',')}]`;

/** Checks one side of a session's signature against the registry's; returns the mismatches. */
function mismatches(
  actual: ReadonlyArray<InferenceSession.ValueMetadata>,
  expected: ReadonlyArray<TensorSpec>,
): string[] {
  const problems: string[] = [];
  for (const spec of expected) {
    const found = actual.find((m) => m.name === spec.name);
    if (!found || !found.isTensor) {
      problems.push(
        `missing ${describe(spec.name, spec.type, spec.dims)} (has ${actual.map((m) => m.name).join(', ')})`,
      );
      continue;
    }
    const fixed = spec.dims
      .map((d, i) => (typeof d === 'number' && found.shape[i] !== d ? i : -1))
      .filter((i) => i >= 0);
    if (found.type !== spec.type || found.shape.length !== spec.dims.length || fixed.length > 0)
      problems.push(
        `${describe(spec.name, found.type, found.shape)} should be ${describe(spec.name, spec.type, spec.dims)}`,
      );
  }
  return problems;
}

/** Opens `file` and checks its signature against `spec` (`known.sha256` skips re-hashing the file). */
export async function openMetricSession(
  file: string,
  spec: ModelFileSpec,
  known: { readonly sha256?: string } = {},
): Promise<MetricSession> {
  const ort = await import('onnxruntime-node');
  const sha256 = known.sha256 ?? (await fileSha256(file));
  const open = (provider: ExecutionProvider): Promise<InferenceSession> =>
    ort.InferenceSession.create(file, { executionProviders: [provider], graphOptimizationLevel: 'all' });
  let provider: ExecutionProvider = cudaProviderInstalled() ? 'cuda' : 'cpu';
  let session: InferenceSession;
  try {
    session = await open(provider);
  } catch (error) {
    if (provider === 'cpu') throw error;
    provider = 'cpu'; // a CUDA library without a usable GPU: fall back rather than fail
    session = await open(provider);
  }
  const problems = [
    ...mismatches(session.inputMetadata, spec.inputs),
    ...mismatches(session.outputMetadata, spec.outputs),
  ];
  if (problems.length > 0) {
    await session.release();
    throw new Error(`${file} does not have the expected signature: ${problems.join('; ')}`);
  }
  return {
    file,
    sha256,
    provider,
    run: async (feeds) => {
      const inputs: Record<string, Tensor> = {};
      for (const [name, t] of Object.entries(feeds))
        inputs[name] = new ort.Tensor(t.type, t.data, [...t.dims]);
      const results = await session.run(
        inputs,
        spec.outputs.map((o) => o.name),
      );
      const out: Record<string, TensorOutput> = {};
      for (const o of spec.outputs) {
        const value = results[o.name]!;
        out[o.name] = { data: value.data as Float32Array, dims: value.dims };
      }
      return out;
    },
    release: () => session.release(),
  };
}
