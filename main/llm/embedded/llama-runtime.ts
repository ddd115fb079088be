/**
 * The in-process llama.cpp runtime (node-llama-cpp): one Llama instance per backend choice and the
 * models loaded in it. Native work runs on llama.cpp's own threads, never on the JS thread.
 */
import { getLlama, LlamaLogLevel, type Llama, type LlamaModel } from 'node-llama-cpp';

/** Which backend: 'auto' picks CUDA / Vulkan / Metal when present, CPU otherwise. */
export type GpuChoice = 'auto' | 'cuda' | 'vulkan' | 'metal' | false;

/** Options of {@link LlamaRuntime}. */
export interface LlamaRuntimeOptions {
  readonly gpu?: GpuChoice;
  /** CPU threads; default: VCHECK_THREADS, else node-llama-cpp's choice. */
  readonly threads?: number;
}

/** Threads from an explicit option, else the VCHECK_THREADS environment variable. */
export function resolveThreads(
  threads: number | undefined,
  env: NodeJS.ProcessEnv = process.env,
): number | undefined {
  if (threads !== undefined) return threads;
  const fromEnv = Number.parseInt(env['VCHECK_THREADS'] ?? '', 10);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : undefined;
}

/** Owns a Llama instance and its loaded models; dispose it when done. */
export class LlamaRuntime {
  private llama: Promise<Llama> | null = null;
  private readonly models = new Map<string, Promise<LlamaModel>>();

  /** Creates a runtime; nothing is loaded until first use. */
  constructor(private readonly options: LlamaRuntimeOptions = {}) {}

  /** The CPU thread count in effect (undefined: node-llama-cpp's default). */
  get threads(): number | undefined {
    return resolveThreads(this.options.threads);
  }

  /** The Llama instance, created once. `build: 'never'`: only prebuilt binaries, no compiler. */
  instance(): Promise<Llama> {
    const threads = this.threads;
    this.llama ??= getLlama({
      gpu: this.options.gpu ?? 'auto',
      build: 'never',
      logLevel: LlamaLogLevel.error,
      ...(threads !== undefined ? { maxThreads: threads } : {}),
    });
    return this.llama;
  }

  /** The backend in use: 'cuda', 'vulkan', 'metal' or 'cpu'. */
  async backend(): Promise<string> {
    const gpu = (await this.instance()).gpu;
    return gpu === false ? 'cpu' : gpu;
  }

  /** Loads `file` once; later calls share the loaded model. */
  model(file: string): Promise<LlamaModel> {
    let loaded = this.models.get(file);
    if (!loaded) {
      loaded = this.instance().then((llama) => llama.loadModel({ modelPath: file }));
      loaded.catch(() => this.models.delete(file));
      this.models.set(file, loaded);
    }
    return loaded;
  }

  /** Unloads every model and releases the backend. */
  async dispose(): Promise<void> {
    const models = [...this.models.values()];
    this.models.clear();
    await Promise.allSettled(models.map(async (m) => (await m).dispose()));
    if (this.llama) await (await this.llama).dispose();
    this.llama = null;
  }
}
