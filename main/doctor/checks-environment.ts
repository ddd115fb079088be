/** Doctor checks of the surroundings: a display for the Electron window, models in the data dir. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { DoctorCheck } from '../../shared/doctor.js';
import { modelStatus } from '../metrics/models/model-files.js';
import { METRIC_MODEL_IDS } from '../metrics/models/registry.js';
import { found, missing } from './probe.js';

/** Where model files live inside the data directory. */
export const MODELS_FOLDER = 'models';

/** A display the Electron window can open on (Linux needs X11 or Wayland; others always have one). */
export function checkDisplay(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): DoctorCheck {
  if (platform !== 'linux') return found(`${platform} desktop`);
  const wayland = env['WAYLAND_DISPLAY'];
  const x11 = env['DISPLAY'];
  if (wayland) return found(`Wayland display ${wayland}`);
  if (x11) return found(`X11 display ${x11}`);
  return missing(
    'no DISPLAY or WAYLAND_DISPLAY',
    'headless: use `vcheck serve` (web mode) or run under `xvfb-run`',
  );
}

/** Model files (GGUF, ONNX, ...) under `<dataDir>/models`, counted recursively. */
export async function checkModels(dataDir: string): Promise<DoctorCheck> {
  const folder = path.join(dataDir, MODELS_FOLDER);
  const hint = `put model files under ${folder} (or download them from the Models page)`;
  let count: number;
  try {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    count = entries.filter((entry) => entry.isFile()).length;
  } catch {
    return missing(`no models folder at ${folder}`, hint);
  }
  if (count === 0) return missing(`no model files in ${folder}`, hint);
  return found(`${count} model file${count === 1 ? '' : 's'} in ${folder}; ${metricModels(dataDir)}`);
}

/** Which metric models (FID Inception, LPIPS, CLIP) are installed: each one enables its metrics. */
function metricModels(dataDir: string): string {
  const states = METRIC_MODEL_IDS.map(
    (id) => `${id} ${modelStatus(dataDir, id).present ? 'present' : 'missing'}`,
  );
  return `metric models: ${states.join(', ')}`;
}
