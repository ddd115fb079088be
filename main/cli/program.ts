/** The `vcheck` command line: global options, the context every command shares, and the commands. */
import { Command } from 'commander';
import { resolveDataDir } from '../api/data-dir.js';
import { openEngine } from '../api/open-engine.js';
import { packageInfo } from '../api/package-info.js';
import { registerDatasetsCommand } from './commands/datasets.js';
import { registerDoctorCommand } from './commands/doctor.js';
import { registerDrawingsCommand } from './commands/drawings.js';
import { registerJobsCommand } from './commands/jobs.js';
import { registerLlmCommand } from './commands/llm.js';
import { registerMetricsCommand } from './commands/metrics.js';
import { registerModelsCommand } from './commands/models.js';
import { registerRenderCommand } from './commands/render.js';
import { registerRunCommand } from './commands/run.js';
import { registerRunsCommand } from './commands/runs.js';
import { registerServeCommand } from './commands/serve.js';
import { registerStartCommand } from './commands/start.js';
import { registerStoreCommand } from './commands/store.js';
import type { CliContext } from './context.js';
import { serveUntilStopped } from './web-mode.js';

/** A context reading `--data-dir` from the parsed global options (so it may follow the command). */
function createContext(program: Command): CliContext {
  const ctx: CliContext = {
    dataDir: () => resolveDataDir(program.opts<{ dataDir?: string }>().dataDir),
    openEngine: () => openEngine({ dataDir: ctx.dataDir() }),
    serve: (options) => serveUntilStopped(ctx, options),
  };
  return ctx;
}

/** Builds the whole program; bin.ts parses argv with it. */
export function buildProgram(): Command {
  const program = new Command('vcheck')
    .description('Vision Check-up Workbench: measure what language models know about the visual world')
    .version(packageInfo().version)
    .option(
      '--data-dir <dir>',
      'data directory (default: $VCHECK_DATA_DIR, then the platform app-data folder)',
    )
    .showSuggestionAfterError(true);
  const ctx = createContext(program);
  registerStartCommand(program, ctx);
  registerServeCommand(program, ctx);
  registerRunCommand(program, ctx);
  registerRunsCommand(program, ctx);
  registerDrawingsCommand(program, ctx);
  registerDatasetsCommand(program, ctx);
  registerJobsCommand(program, ctx);
  registerStoreCommand(program, ctx);
  registerMetricsCommand(program, ctx);
  registerModelsCommand(program, ctx);
  registerLlmCommand(program, ctx);
  registerRenderCommand(program, ctx);
  registerDoctorCommand(program, ctx);
  return program;
}
