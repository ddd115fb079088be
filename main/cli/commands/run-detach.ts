/**
 * `--detach`: jobs run inside the engine of the process that started them, so a run that outlives
 * the command needs a process of its own. The command starts itself again in the background (same
 * arguments, output to a log file in the data dir), waits until that process has created or resumed
 * the run, prints the run id and returns; the background process follows the run to its end.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Option } from 'commander';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { printJson } from '../output.js';

/** The hidden option through which the background process announces its run. */
export function announceFileOption(): Option {
  return new Option('--announce-file <file>', 'internal: where --detach waits for the run id').hideHelp();
}

/** How long the foreground process waits for the background one to start the run. */
const START_TIMEOUT_MS = 120_000;

function tail(file: string): string {
  const text = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  return text.split('\n').slice(-3).join(' | ') || 'no output';
}

/** Resolves with the announced run id, or fails when the background process exits first. */
function waitForRun(announceFile: string, log: string, exited: Promise<number | null>): Promise<string> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const startedAt = Date.now();
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      if (existsSync(announceFile)) {
        const runId = readFileSync(announceFile, 'utf8').trim();
        rmSync(announceFile, { force: true });
        return resolve(runId);
      }
      if (exitCode !== undefined)
        return reject(new CliError(`the background run stopped (exit ${exitCode}): ${tail(log)}`));
      if (Date.now() - startedAt > START_TIMEOUT_MS)
        return reject(new CliError(`the background run did not start in time; see ${log}`));
      setTimeout(poll, 100);
    };
    poll();
  });
}

/** Runs this very command again in the background without `--detach`, and reports the run it started. */
export async function detachRun(ctx: CliContext, json: boolean | undefined): Promise<void> {
  const dataDir = ctx.dataDir();
  const logs = path.join(dataDir, 'logs');
  mkdirSync(logs, { recursive: true });
  const stamp = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  const log = path.join(logs, `run-${stamp}.log`);
  const announceFile = path.join(logs, `.run-${stamp}.started`);
  // The background process writes its log for people; the run id is printed here.
  const args = process.argv.slice(2).filter((arg) => arg !== '--detach' && arg !== '--json');
  const script = process.argv[1] ?? '';
  const fd = openSync(log, 'a');
  const child = spawn(
    process.execPath,
    [...process.execArgv, script, '--data-dir', dataDir, ...args, '--announce-file', announceFile],
    { detached: true, stdio: ['ignore', fd, fd], env: { ...process.env, NO_COLOR: '1' } },
  );
  closeSync(fd);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.unref();
  const runId = await waitForRun(announceFile, log, exited);
  if (json) return printJson({ runId });
  process.stdout.write(
    `Run ${runId} is running in the background (pid ${child.pid ?? '?'}); log: ${log}\n` +
      `  pause it:  vcheck runs pause ${runId}   (then: vcheck runs resume ${runId})\n`,
  );
}
