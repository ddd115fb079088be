/**
 * The TikZ renderer: pdflatex (shell escape off, file reads and writes limited to the working
 * directory by `openin_any=p openout_any=p`) and `pdftoppm -scale-to` (TeX pages can be metres
 * wide), both inside the OS sandbox with a fresh scratch directory and a hard kill timeout.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { failure, outcomeFromImage } from '../outcome.js';
import type { RendererConfig } from '../registry.js';
import { runSandboxed } from '../sandbox/run.js';
import type { OsSandboxKind, SandboxResult } from '../sandbox/types.js';
import type { LanguageRenderer, RenderOptions, RenderOutcome } from '../types.js';
import { firstTexError, isFullDocument, tikzDocument } from './tikz-document.js';
import { tikzFormat } from './tex-format.js';
import { createTikzjaxRenderer } from './tikzjax-renderer.js';

/** Options beyond the registry's config (tests force the weaker sandbox or the engine). */
export interface TikzRendererOptions extends RendererConfig {
  readonly mode?: OsSandboxKind;
  /** Default: pdflatex where it and pdftoppm are installed, else the embedded node-tikzjax. */
  readonly engine?: 'pdflatex' | 'tikzjax';
}

/** The TikZ renderer: pdflatex in the OS sandbox when present, else node-tikzjax (WASM). */
export function createTikzRenderer(config: TikzRendererOptions): LanguageRenderer {
  const engine = config.engine ?? (existsSync(PDFLATEX) && existsSync(PDFTOPPM) ? 'pdflatex' : 'tikzjax');
  return engine === 'pdflatex' ? createPdflatexRenderer(config) : createTikzjaxRenderer(config);
}

const PDFLATEX = '/usr/bin/pdflatex';
const PDFTOPPM = '/usr/bin/pdftoppm';
/** TeX writes its own files (format caches are read-only system files here). */
const TEX_ENV = {
  openin_any: 'p',
  openout_any: 'p',
  shell_escape: 'f',
  TEXMFOUTPUT: '',
  TEXMFVAR: '/tmp/texmf-var',
};

/** TeX's configuration and dumped formats (Debian keeps them outside /usr). */
const TEX_BINDS = Object.fromEntries(
  ['/etc/texmf', '/var/lib/texmf']
    .filter((dir) => existsSync(dir))
    .map((dir) => [dir, { host: dir, inside: dir }]),
);

let version: Promise<string> | undefined;

function pdflatexVersion(): Promise<string> {
  version ??= new Promise((resolve) => {
    execFile(PDFLATEX, ['--version'], { timeout: 5_000 }, (error, stdout) => {
      resolve(error ? 'unknown' : (String(stdout).match(/\((TeX Live [^)]*)\)/)?.[1] ?? 'unknown'));
    });
  });
  return version;
}

/** The pdflatex TikZ renderer. */
export function createPdflatexRenderer(config: TikzRendererOptions): LanguageRenderer {
  return {
    language: 'tikz',
    id: 'pdflatex',
    available: async () =>
      existsSync(PDFLATEX) && existsSync(PDFTOPPM)
        ? { ok: true }
        : {
            ok: false,
            reason:
              'pdflatex/pdftoppm not found (apt-get install -y texlive-latex-extra texlive-pictures poppler-utils)',
          },
    render: (code, options) => renderTikz(code, options, config.mode),
    dispose: async () => undefined,
  };
}

async function renderTikz(
  code: string,
  options: RenderOptions,
  mode?: OsSandboxKind,
): Promise<RenderOutcome> {
  const started = performance.now();
  const renderer = `pdflatex@${await pdflatexVersion()}`;
  const format = isFullDocument(code) ? undefined : await tikzFormat(await pdflatexVersion(), mode);
  const limitMs = options.limits.timeoutMs;
  const document = tikzDocument(code, format !== undefined);
  const binds = format
    ? { ...TEX_BINDS, fmt: { host: path.dirname(format), inside: '/opt/vcheck/texfmt' } }
    : TEX_BINDS;
  return runSandboxed(
    {
      argv: (view) => [
        '/bin/sh',
        '-c',
        texScript(options.size, format && `${view.binds.fmt}/${path.basename(format)}`),
      ],
      env: TEX_ENV,
      limits: {
        wallMs: limitMs,
        memoryMb: Math.max(options.limits.memoryMb, 512),
        cpuSeconds: Math.ceil(limitMs / 1000) + 1,
        fileBytes: Math.max(options.limits.maxOutputBytes, 4 << 20),
        processes: 16,
        openFiles: 128,
        outputBytes: 64 << 10,
      },
      binds,
      ...(mode ? { mode } : {}),
    },
    {
      prepare: (dir) => writeFile(path.join(dir, 'answer.tex'), document.source),
      collect: (dir, result) =>
        collectTikz(
          dir,
          result,
          { renderer, sandbox: result.sandbox },
          started,
          options,
          document.lineOffset,
        ),
    },
  );
}

/** One sandboxed shell line: compile (with the preloaded format if any), then rasterise a PDF. */
function texScript(size: number, format: string | undefined): string {
  const fmt = format ? ` -fmt=${format}` : '';
  return [
    `${PDFLATEX}${fmt} -no-shell-escape -interaction=nonstopmode -halt-on-error answer.tex > /dev/null 2>&1`,
    `status=$?; [ -f answer.pdf ] || exit 3; [ $status -eq 0 ] || exit 3`,
    `${PDFTOPPM} -png -r 72 -scale-to ${size} -singlefile -f 1 -l 1 answer.pdf page`,
  ].join('; ');
}

async function collectTikz(
  dir: string,
  result: SandboxResult,
  base: { readonly renderer: string; readonly sandbox: OsSandboxKind },
  started: number,
  options: RenderOptions,
  lineOffset: number,
): Promise<RenderOutcome> {
  const log = await readSmall(path.join(dir, 'answer.log'), 256 << 10);
  if (result.timedOut)
    return failure(
      base,
      started,
      'timeout',
      `TeX ran longer than ${options.limits.timeoutMs} ms and was killed`,
      log,
    );
  if (result.exitCode === 3 || !existsSync(path.join(dir, 'page.png'))) {
    const error =
      firstTexError(log, lineOffset) ??
      (/TeX capacity exceeded/.test(log) ? 'TeX capacity exceeded' : 'pdflatex produced no page');
    const status = /capacity exceeded|file size limit/i.test(error + result.stderr)
      ? 'resource_limit'
      : 'compile_error';
    return failure(base, started, result.exitCode === 3 ? status : 'resource_limit', error, log);
  }
  const info = await stat(path.join(dir, 'page.png'));
  if (info.size > options.limits.maxOutputBytes)
    return failure(
      base,
      started,
      'resource_limit',
      `the image is larger than ${options.limits.maxOutputBytes} bytes`,
      log,
    );
  return outcomeFromImage(base, started, await readFile(path.join(dir, 'page.png')), options, log);
}

async function readSmall(file: string, limit: number): Promise<string> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return '';
  const text = await readFile(file, 'utf8');
  return info.size > limit ? text.slice(0, limit) : text;
}
