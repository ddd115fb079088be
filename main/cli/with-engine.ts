/** Opens the engine for one command and always closes it, even when the command fails. */
import type { ApiClient } from '../../shared/contract.js';
import { inProcessClient } from '../api/client.js';
import type { CliContext } from './context.js';

/** Runs `work` with an in-process client over a freshly opened engine. */
export async function withEngine<T>(ctx: CliContext, work: (client: ApiClient) => Promise<T>): Promise<T> {
  const engine = await ctx.openEngine();
  try {
    return await work(inProcessClient(engine));
  } finally {
    await engine.close();
  }
}
