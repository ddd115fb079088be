/**
 * `vcheck run draw|recognise|correct`: builds a run config from the flags laid over an optional
 * `--config run.yaml`, creates the run through the engine and follows it to its end (or, with
 * `--detach`, leaves it running in a background process).
 */
import type { Command } from 'commander';
import { integerIn } from '../arguments.js';
import type { CliContext } from '../context.js';
import { action } from '../errors.js';
import { printJson } from '../output.js';
import { buildRunConfig, readConfigFile, type ConfigFields, type RunSubcommandKind } from './run-config.js';
import { detachRun } from './run-detach.js';
import { startAndFollowRun } from './run-follow.js';
import { collect, collectLanguages } from './run-flags.js';
import {
  correctFields,
  drawFields,
  recogniseFields,
  recogniseFile,
  type CorrectFlags,
  type DrawFlags,
  type RecogniseFlags,
} from './run-kind-flags.js';
import { addCommonOptions, addModelOptions, type RunBehaviourFlags } from './run-options.js';

/** Validates the config, then runs it here or in the background. */
async function runConfigured(
  ctx: CliContext,
  kind: RunSubcommandKind,
  flags: ConfigFields,
  o: RunBehaviourFlags,
): Promise<void> {
  const file = o.config ? await readConfigFile(o.config) : null;
  const config = buildRunConfig(kind, file, flags);
  if (o.dryRun) return printJson(config);
  if (o.detach) return detachRun(ctx, o.json);
  await startAndFollowRun(ctx, (client) => client.call('runs.create', { config }), {
    label: kind,
    json: o.json,
    announceFile: o.announceFile,
  });
}

function registerDraw(run: Command, ctx: CliContext): void {
  const draw = run
    .command('draw')
    .description('ask models to draw each concept of a dataset in code, render and score the drawings')
    .option('--dataset <id>', 'dataset version id (vcheck datasets list)')
    .option('--language <l[,l2]>', 'render languages, comma-separated or repeated', collectLanguages)
    .option('--samples <n>', 'samples per concept, model and language (default 1)', integerIn(1, 1000))
    .option('--strategy <s>', 'repeat (independent samples) or param (a function, several arguments)')
    .option('--settings <k>', 'param: argument settings rendered per function (default 4)', integerIn(1, 64))
    .option('--categories <list>', 'only concepts of these categories (comma-separated)', (v: string) =>
      v
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    )
    .option('--offset <n>', 'skip the first n concepts', integerIn(0, 100_000_000))
    .option('--limit <n>', 'at most n concepts', integerIn(1, 100_000_000));
  addModelOptions(draw, "model: a model id or GGUF path, the server's model with --endpoint (repeatable)");
  addCommonOptions(draw).action(
    action(async (o: DrawFlags & RunBehaviourFlags) => runConfigured(ctx, 'draw', drawFields(o), o)),
  );
}

function registerRecognise(run: Command, ctx: CliContext): void {
  const recognise = run
    .command('recognise')
    .description('ask models what a piece of code draws (free-form and multiple choice), and score it')
    .option('--from-run <run>', 'the code of an earlier draw run (repeatable)', collect)
    .option(
      '--file <path:language:concept>',
      'a code file and the concept it draws (repeatable)',
      recogniseFile,
    )
    .option('--drawings [ids]', 'human drawings (all, or these comma-separated ids)')
    .option('--mode <m>', 'free, choice or both (default both)')
    .option('--candidates <k>', 'multiple choice: options shown (default 5)', integerIn(2, 26))
    .option('--limit <n>', '--from-run: at most n samples', integerIn(1, 100_000_000))
    .option('--include-failed', '--from-run: also code whose render failed');
  addModelOptions(recognise, 'model that answers (repeatable)');
  addCommonOptions(recognise).action(
    action(async (o: RecogniseFlags & RunBehaviourFlags) =>
      runConfigured(ctx, 'recognise', recogniseFields(o), o),
    ),
  );
}

function registerCorrect(run: Command, ctx: CliContext): void {
  const correct = run
    .command('correct')
    .description('self-correction: R rounds in which a model improves the code of an earlier draw run')
    .option('--source <run>', 'the draw run whose samples are improved')
    .option('--rounds <r>', 'rounds of feedback (default 3)', integerIn(1, 20))
    .option('--critique', 'ask for a critique first, then the rewrite')
    .option('--feedback-errors', 'tell the model how the last render ended (off in the study)')
    .option('--limit <n>', 'at most n samples of the source run', integerIn(1, 100_000_000))
    .option('--include-failed', 'also samples whose first render failed');
  addModelOptions(correct, 'model asked to improve (repeatable; default: the model that drew each sample)');
  addCommonOptions(correct).action(
    action(async (o: CorrectFlags & RunBehaviourFlags) => runConfigured(ctx, 'correct', correctFields(o), o)),
  );
}

/** Registers `vcheck run draw|recognise|correct`. */
export function registerRunCommand(program: Command, ctx: CliContext): void {
  const run = program.command('run').description('start an experiment: draw, recognise or self-correct');
  registerDraw(run, ctx);
  registerRecognise(run, ctx);
  registerCorrect(run, ctx);
}
