/** The options every `vcheck run …` subcommand shares: models, sampling, metrics, config, output. */
import type { Command } from 'commander';
import { integerIn } from '../arguments.js';
import { announceFileOption } from './run-detach.js';
import { collect, numberIn, templateRef } from './run-flags.js';

/** Flags that say how the command behaves rather than what the run is. */
export interface RunBehaviourFlags {
  readonly config?: string;
  readonly json?: boolean;
  readonly detach?: boolean;
  readonly announceFile?: string;
  readonly dryRun?: boolean;
}

/** Adds the model flags (`--model` repeatable, and the provider of all of them). */
export function addModelOptions(command: Command, modelHelp: string): Command {
  return command
    .option('--model <m>', modelHelp, collect)
    .option('--endpoint <url>', "OpenAI-compatible server: --model is the server's model name")
    .option('--api-key <key>', 'API key of --endpoint')
    .option('--concurrency <n>', 'requests in flight against --endpoint (default 4)', integerIn(1, 64))
    .option(
      '--recorded <file|dir>',
      'replay recorded answers (JSONL of { prompt, response }); --model labels them',
    )
    .option('--threads <n>', 'embedded GGUF: CPU threads', integerIn(1, 256))
    .option('--context-size <n>', 'embedded GGUF: context size in tokens', integerIn(64, 1_048_576));
}

/** Adds sampling, seed, size, template, metrics and the behaviour flags. */
export function addCommonOptions(command: Command): Command {
  return command
    .option('--name <name>', 'a name for the run')
    .option('--seed <n>', 'run seed (every sample derives its own; default 0)', integerIn(0, 0xffff_ffff))
    .option('--temperature <t>', 'sampling temperature (default 0.8)', numberIn(0, 2))
    .option('--top-p <p>', 'nucleus sampling (default 0.95)', numberIn(0.000001, 1))
    .option('--top-k <k>', 'top-k sampling (default 40)', integerIn(0, 1000))
    .option('--max-tokens <n>', 'tokens per answer (default 1024)', integerIn(1, 32_768))
    .option('--size <px>', 'render size in pixels (default 512)', integerIn(16, 4096))
    .option('--template <id[@v]>', 'prompt template, optionally pinned to a version', templateRef)
    .option('--no-fidelity', 'skip the fidelity score (CLIP)')
    .option('--no-diversity', 'skip the diversity score (LPIPS)')
    .option('--reference <dir>', 'realism: FID/KID against this folder of natural images')
    .option('--config <file>', 'run config as YAML or JSON; flags override its fields')
    .option('--json', 'print { "runId": … } when the run is done')
    .option('--detach', 'start the run in the background and return at once')
    .option('--dry-run', 'print the validated run config as JSON and stop (nothing is run)')
    .addOption(announceFileOption());
}
