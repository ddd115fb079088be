/** `vcheck llm ask`: one question to a model (in-process, or on a server), for a quick check. */
import { InvalidArgumentError, type Command } from 'commander';
import { integerIn } from '../arguments.js';
import type { CliContext } from '../context.js';
import { action, unwrap } from '../errors.js';
import { printJson } from '../output.js';
import { withEngine } from '../with-engine.js';

interface AskOptions {
  readonly model: string;
  readonly maxTokens?: number;
  readonly temperature?: number;
  readonly seed?: number;
  readonly threads?: number;
  readonly system?: string;
  readonly json?: boolean;
  readonly endpoint?: string;
  readonly apiKey?: string;
}

function temperature(value: string): number {
  const t = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || t > 2)
    throw new InvalidArgumentError('expected a number from 0 to 2.');
  return t;
}

/** Registers `vcheck llm …`. */
export function registerLlmCommand(program: Command, ctx: CliContext): void {
  const llm = program.command('llm').description('language models: quick questions');
  llm
    .command('ask <prompt>')
    .description('ask a model (an id of `vcheck models list` or a GGUF path) and print the answer')
    .requiredOption('--model <model>', 'model id or GGUF file path')
    .option('--max-tokens <n>', 'most tokens to generate (default 512)', integerIn(1, 32_768))
    .option('--temperature <t>', 'sampling temperature; 0 = greedy (default 0.8)', temperature)
    .option('--seed <n>', 'sampling seed (default 0)', integerIn(0, 0xffff_ffff))
    .option('--threads <n>', 'CPU threads (default: $VCHECK_THREADS, else automatic)', integerIn(1, 256))
    .option('--system <text>', 'a system message')
    .option(
      '--endpoint <url>',
      'ask an OpenAI-compatible server (Ollama, llama-server, vLLM…); --model is its model name',
    )
    .option('--api-key <key>', 'API key for --endpoint (default: $VCHECK_API_KEY)')
    .option('--json', 'print the answer with token counts, timings and parameters')
    .action(
      action(async (prompt: string, o: AskOptions) => {
        const apiKey = o.apiKey ?? process.env['VCHECK_API_KEY'];
        const threads = o.threads ?? (Number(process.env['VCHECK_THREADS']) || undefined);
        const request = {
          model: o.model,
          prompt,
          ...(o.system ? { system: o.system } : {}),
          ...(o.maxTokens !== undefined ? { maxTokens: o.maxTokens } : {}),
          ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
          ...(o.seed !== undefined ? { seed: o.seed } : {}),
          ...(threads ? { threads } : {}),
          ...(o.endpoint ? { endpoint: o.endpoint } : {}),
          ...(apiKey ? { apiKey } : {}),
        };
        const answer = await withEngine(ctx, async (client) => unwrap(await client.call('llm.ask', request)));
        if (o.json) printJson(answer);
        else process.stdout.write(`${answer.text}\n`);
      }),
    );
}
