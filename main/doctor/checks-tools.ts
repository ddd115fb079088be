/** Doctor checks of system programs: Python + matplotlib, LaTeX, bubblewrap, Chromium. */
import type { DoctorCheck } from '../../shared/doctor.js';
import { probeBubblewrap } from '../render/sandbox/bubblewrap.js';
import { findExecutable, firstLine, found, missing, runProgram } from './probe.js';

/**
 * Debian's python first: the `python3` first on PATH may be a separate build that cannot see
 * Debian's modules (matplotlib, numpy).
 */
const PYTHON_CANDIDATES = ['/usr/bin/python3', 'python3', 'python'];
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', 'chromium', 'chromium-browser', 'google-chrome'];

/** The Python interpreter the renderers will use, or null. */
export function findPython(): Promise<string | null> {
  return findExecutable(PYTHON_CANDIDATES);
}

/** Python 3: present, with its version. */
export async function checkPython(python: string | null): Promise<DoctorCheck> {
  const hint = 'apt-get install -y python3';
  if (!python) return missing('python3 not found', hint);
  const said = await runProgram(python, ['--version']);
  if (!said.ok) return missing(said.reason, hint);
  const version = firstLine(said.stdout) || firstLine(said.stderr);
  if (!/^Python 3\./.test(version)) return missing(`${python} is ${version || 'not Python 3'}`, hint);
  return found(`${version} at ${python}`);
}

/** matplotlib importable by that Python. */
export async function checkMatplotlib(python: string | null): Promise<DoctorCheck> {
  const hint = 'apt-get install -y python3-matplotlib';
  if (!python) return missing('no python3 to import matplotlib with', hint);
  const said = await runProgram(python, ['-c', 'import matplotlib; print(matplotlib.__version__)']);
  if (!said.ok) return missing(`matplotlib not importable by ${python}`, hint);
  return found(`matplotlib ${firstLine(said.stdout)} (${python})`);
}

/** A program that answers `--version` (or `versionArgs`), with its first output line as detail. */
export async function checkProgram(
  candidates: ReadonlyArray<string>,
  hint: string,
  versionArgs: ReadonlyArray<string> = ['--version'],
): Promise<DoctorCheck> {
  const program = await findExecutable(candidates);
  if (!program) return missing(`${candidates.join(' / ')} not found`, hint);
  const said = await runProgram(program, versionArgs);
  if (!said.ok) return missing(said.reason, hint);
  return found(`${firstLine(said.stdout) || firstLine(said.stderr)} at ${program}`);
}

/** pdflatex, for TikZ renders. */
export function checkPdflatex(): Promise<DoctorCheck> {
  return checkProgram(
    ['pdflatex'],
    'apt-get install -y texlive-latex-base texlive-pictures texlive-latex-extra poppler-utils',
  );
}

/**
 * bubblewrap, the OS sandbox of the Python and LaTeX renderers on Linux: installed, and able to
 * build the renderers' sandbox here (a `bwrap … true` probe as the sandbox user).
 */
export async function checkBubblewrap(): Promise<DoctorCheck> {
  if (process.platform !== 'linux') {
    return missing('bubblewrap is Linux only', 'renders run with resource limits only on this OS');
  }
  const program = await checkProgram(['bwrap'], 'apt-get install -y bubblewrap');
  if (!program.available) return program;
  const sandbox = await probeBubblewrap();
  if (!sandbox.ok) {
    return missing(
      `${program.detail}, but ${sandbox.reason}; renders use the weaker rlimits sandbox`,
      'allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1)',
    );
  }
  return found(`${program.detail}; sandbox works`);
}

/** Chromium, for p5.js renders and the end-to-end tests. */
export function checkChromium(): Promise<DoctorCheck> {
  return checkProgram(CHROMIUM_CANDIDATES, 'apt-get install -y chromium');
}
