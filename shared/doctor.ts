/** Types of `vcheck doctor` / `doctor.report`: which optional pieces this installation has. */

/** Names of the optional components the doctor checks. */
export const DOCTOR_COMPONENTS = [
  'electron',
  'display',
  'gpu.llm',
  'gpu.onnx',
  'gpu.tfjs',
  'python3',
  'matplotlib',
  'pdflatex',
  'bubblewrap',
  'chromium',
  'models',
] as const;
/** An optional component name. */
export type DoctorComponent = (typeof DOCTOR_COMPONENTS)[number];

/** One component's check. */
export interface DoctorCheck {
  readonly available: boolean;
  /** What was found (a version, a path, a count). */
  readonly detail: string;
  /** One line saying how to get it when it is missing; empty when available. */
  readonly hint: string;
}

/** The whole report: one entry per component. */
export type DoctorReport = Readonly<Record<DoctorComponent, DoctorCheck>>;
