/**
 * `vcheck serve` (and `vcheck start` on a headless machine): opens the engine, starts web mode,
 * prints the URL first, and shuts both down cleanly on SIGINT/SIGTERM.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultStaticDir, startWebServer, type WebServer } from '../server/index.js';
import type { CliContext, ServeOptions } from './context.js';
import { CliError } from './errors.js';

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // A second signal while shutting down quits at once.
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function startOrExplain(
  engine: Awaited<ReturnType<CliContext['openEngine']>>,
  options: ServeOptions,
): Promise<WebServer> {
  try {
    return await startWebServer({
      engine,
      port: options.port,
      host: options.host ?? '127.0.0.1',
      dev: options.dev === true,
    });
  } catch (error) {
    await engine.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new CliError(`port ${options.port} is in use: choose another with --port (0 = any free port).`);
    if (code === 'EADDRNOTAVAIL') throw new CliError(`cannot bind ${options.host}: no such local address.`);
    throw error;
  }
}

/** Serves until stopped; resolves with the exit code. */
export async function serveUntilStopped(
  ctx: Pick<CliContext, 'dataDir' | 'openEngine'>,
  options: ServeOptions,
): Promise<number> {
  const engine = await ctx.openEngine();
  const server = await startOrExplain(engine, options);
  // The URL is the first line of stdout: scripts and the e2e tests read it.
  process.stdout.write(`${server.url}\n`);
  if (!options.dev && !existsSync(path.join(defaultStaticDir(), 'index.html'))) {
    process.stderr.write('vcheck: the UI is not built yet: run `npm run build` (the API works meanwhile).\n');
  }
  process.stderr.write(`vcheck: web mode on ${server.origin}, data in ${ctx.dataDir()}; Ctrl-C stops it.\n`);
  await waitForStopSignal();
  await server.close();
  await engine.close();
  return 0;
}
