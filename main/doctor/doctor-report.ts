/**
 * `vcheck doctor` / `doctor.report`: which optional pieces this installation has. Every check runs
 * in parallel under its own deadline, and a check that throws or hangs reports "not available"
 * instead of failing the report.
 */
import {
  DOCTOR_COMPONENTS,
  type DoctorCheck,
  type DoctorComponent,
  type DoctorReport,
} from '../../shared/doctor.js';
import { checkElectron, checkLlmGpu, checkOnnxGpu, checkTfjsGpu } from './checks-packages.js';
import { checkDisplay, checkModels } from './checks-environment.js';
import {
  checkBubblewrap,
  checkChromium,
  checkMatplotlib,
  checkPdflatex,
  checkPython,
  findPython,
} from './checks-tools.js';
import { missing, PROBE_TIMEOUT_MS, withDeadline } from './probe.js';

/** Options of {@link doctorReport}. */
export interface DoctorOptions {
  /** The data directory whose models folder is counted. */
  readonly dataDir: string;
  /** Environment to read DISPLAY / WAYLAND_DISPLAY from (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
  /** Deadline of each check (default {@link PROBE_TIMEOUT_MS}). */
  readonly timeoutMs?: number;
}

type Checks = Readonly<Record<DoctorComponent, () => Promise<DoctorCheck>>>;

function checksFor(options: DoctorOptions): Checks {
  const python = findPython();
  return {
    electron: async () => checkElectron(),
    display: async () => checkDisplay(options.env ?? process.env),
    'gpu.llm': checkLlmGpu,
    'gpu.onnx': async () => checkOnnxGpu(),
    'gpu.tfjs': checkTfjsGpu,
    python3: async () => checkPython(await python),
    matplotlib: async () => checkMatplotlib(await python),
    pdflatex: checkPdflatex,
    bubblewrap: checkBubblewrap,
    chromium: checkChromium,
    models: () => checkModels(options.dataDir),
  };
}

/** Checks every optional component in parallel; never rejects. */
export async function doctorReport(options: DoctorOptions): Promise<DoctorReport> {
  const checks = checksFor(options);
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const entries = await Promise.all(
    DOCTOR_COMPONENTS.map(async (component) => {
      const check = await withDeadline(checks[component](), timeoutMs, `${component} check`).catch(
        (error: unknown) =>
          missing(
            error instanceof Error ? error.message : String(error),
            `the ${component} check failed; run \`vcheck doctor\` again`,
          ),
      );
      return [component, check] as const;
    }),
  );
  return Object.fromEntries(entries) as DoctorReport;
}
