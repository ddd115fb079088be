/** Doctor checks of optional npm packages: the Electron binary and the GPU backends. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DoctorCheck } from '../../shared/doctor.js';
import { found, missing } from './probe.js';

const require = createRequire(import.meta.url);

/** The folder of an installed package, or null when it does not resolve from here. */
export function packageDir(name: string): string | null {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

function packageVersion(dir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown version';
}

/** Electron: the package resolves and its downloaded binary (named in path.txt) exists. */
export function checkElectron(): DoctorCheck {
  const dir = packageDir('electron');
  if (!dir) return missing('electron package not installed', 'run `npm install` in the workbench folder');
  const pathFile = path.join(dir, 'path.txt');
  const hint =
    'the Electron binary was not downloaded: run `node node_modules/electron/install.js` on a workstation, or use `vcheck serve`';
  if (!existsSync(pathFile))
    return missing(`electron ${packageVersion(dir)} without binary (no path.txt)`, hint);
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return missing(`electron binary missing at ${binary}`, hint);
  return found(`electron ${packageVersion(dir)} at ${binary}`);
}

/**
 * Imports an optional package by a computed name, so that TypeScript and bundlers do not require it
 * to be installed. Resolves to the module namespace or null when it cannot be loaded.
 */
export async function importOptional(name: string): Promise<Record<string, unknown> | null> {
  try {
    return (await import(name)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** LLM GPU backend: node-llama-cpp installed and reporting a usable GPU type. */
export async function checkLlmGpu(): Promise<DoctorCheck> {
  const llama = await importOptional('node-llama-cpp');
  const gpuTypes = llama?.['getLlamaGpuTypes'];
  if (typeof gpuTypes !== 'function') {
    return missing('node-llama-cpp not installed', 'install it with `npm install node-llama-cpp@3.21.1`');
  }
  const supported = (await gpuTypes('supported')) as ReadonlyArray<unknown>;
  const gpus = supported.filter((gpu) => typeof gpu === 'string');
  if (gpus.length === 0) {
    return missing(
      'node-llama-cpp installed, no GPU backend usable: it would run on the CPU',
      'install CUDA or Vulkan drivers',
    );
  }
  // getLlama({ gpu: 'auto' }) tries the supported backends in this order (main/llm uses 'auto').
  const backend = ['metal', 'cuda', 'vulkan'].find((gpu) => gpus.includes(gpu)) ?? gpus[0];
  return found(`node-llama-cpp would use ${String(backend)} (GPU backends: ${gpus.join(', ')})`);
}

/** ONNX GPU backend: onnxruntime-node present with a GPU execution provider for this platform. */
export function checkOnnxGpu(): DoctorCheck {
  const dir = packageDir('onnxruntime-node');
  if (!dir)
    return missing('onnxruntime-node not installed', 'install it with `npm install onnxruntime-node`');
  const version = `onnxruntime-node ${packageVersion(dir)}`;
  if (process.platform === 'darwin') return found(`${version} (CoreML provider built in)`);
  const libs = nativeLibraries(path.join(dir, 'bin'));
  const provider = process.platform === 'win32' ? /directml\.dll$/i : /providers_cuda/;
  const lib = libs.find((name) => provider.test(name));
  if (lib) return found(`${version} with ${lib}`);
  return missing(
    `${version}, CPU only (no GPU provider library)`,
    'reinstall onnxruntime-node with its install script enabled on a machine with CUDA 12 to get the CUDA provider',
  );
}

/** Names of native libraries under onnxruntime-node's bin folder for this platform and arch. */
function nativeLibraries(binDir: string): ReadonlyArray<string> {
  if (!existsSync(binDir)) return [];
  const names: string[] = [];
  for (const napi of readdirSync(binDir)) {
    const dir = path.join(binDir, napi, process.platform, process.arch);
    if (existsSync(dir)) names.push(...readdirSync(dir));
  }
  return names;
}

/** tfjs GPU backend: @tensorflow/tfjs-node-gpu loads (it needs libtensorflow with CUDA). */
export async function checkTfjsGpu(): Promise<DoctorCheck> {
  const tfjs = await importOptional('@tensorflow/tfjs-node-gpu');
  if (!tfjs) {
    return missing(
      '@tensorflow/tfjs-node-gpu not loadable',
      'optional: `npm install @tensorflow/tfjs-node-gpu` on a CUDA machine (training falls back to wasm)',
    );
  }
  const version = tfjs['version'] as Record<string, unknown> | undefined;
  return found(`@tensorflow/tfjs-node-gpu ${String(version?.['tfjs-node'] ?? 'loaded')}`);
}
