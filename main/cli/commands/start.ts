/**
 * `vcheck start` (what `npm start` runs after building): the Electron app where it can run, and web
 * mode, said in one line, where it cannot (no Electron binary, no display).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { packageInfo } from '../../api/package-info.js';
import { portNumber } from '../arguments.js';
import type { CliContext } from '../context.js';
import { action, CliError } from '../errors.js';
import { ensureElectronSqlite } from '../launch/electron-native.js';
import { decideStartMode, probeElectron, WEB_INSTEAD } from '../launch/start-mode.js';
/** Runs Electron on the app folder with the CLI's data directory; resolves with its exit code. */
function runElectron(binary: string, appRoot: string, dataDir: string): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, VCHECK_DATA_DIR: dataDir };
  // Inherited from a parent Electron, this would make the binary a plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [appRoot], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals): void => void child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new CliError(`could not start Electron: ${error.message}`)));
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function start(
  ctx: CliContext,
  options: { readonly port: number; readonly web?: boolean },
): Promise<number> {
  const appRoot = packageInfo().root;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const probe = { platform: process.platform, env: process.env, electron: probeElectron(appRoot), isRoot };
  let mode = decideStartMode({ ...probe, forceWeb: options.web === true });
  if (mode.kind === 'electron') {
    if (!existsSync(path.join(appRoot, 'out', 'main', 'electron', 'index.js'))) {
      throw new CliError('the Electron app is not built: run `npm start` (it builds first).');
    }
    const log = (line: string): void => void process.stderr.write(`${line}\n`);
    const sqlite = await ensureElectronSqlite({ appRoot, electron: mode.runtime, log });
    if (sqlite.status === 'failed') {
      mode = {
        kind: 'web',
        reason: `Could not build better-sqlite3 for Electron (${sqlite.reason}) — ${WEB_INSTEAD}`,
      };
    }
  }
  if (mode.kind === 'electron') return runElectron(mode.binary, appRoot, ctx.dataDir());
  // stderr: the first line of stdout stays the URL, as with `vcheck serve`.
  process.stderr.write(`${mode.reason}\n`);
  return ctx.serve({ port: options.port });
}

/** Registers `start`. */
export function registerStartCommand(program: Command, ctx: CliContext): void {
  program
    .command('start')
    .description('open the workbench: the Electron app where it can run, otherwise web mode (prints the URL)')
    .option('--web', 'serve the UI in web mode even where Electron could run')
    .option('--port <port>', 'port for web mode (0 picks a free one)', portNumber, 0)
    .action(
      action(async (options: { port: number; web?: boolean }) => {
        process.exitCode = await start(ctx, options);
      }),
    );
}
