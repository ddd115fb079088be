/** `vcheck serve`: web mode, for browsers on this machine or through an SSH tunnel. */
import type { Command } from 'commander';
import { portNumber } from '../arguments.js';
import type { CliContext } from '../context.js';
import { action } from '../errors.js';

/** Port of `vcheck serve` when none is given (Vite's, familiar from `npm run dev`). */
export const DEFAULT_PORT = 5173;

/** Registers `serve`. */
export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the workbench UI over HTTP on 127.0.0.1; prints the URL with its access token first')
    .option('--port <port>', 'port to listen on (0 picks a free one)', portNumber, DEFAULT_PORT)
    .option(
      '--host <host>',
      'interface to bind (anything but loopback exposes the token-guarded API)',
      '127.0.0.1',
    )
    .option('--dev', 'serve the renderer from source with hot reload (Vite)')
    .action(
      action(async (options: { port: number; host: string; dev?: boolean }) => {
        process.exitCode = await ctx.serve({
          port: options.port,
          host: options.host,
          dev: options.dev === true,
        });
      }),
    );
}
