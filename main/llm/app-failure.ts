/** The llm module's expected failures as the contract's AppFailure codes. */
import { AppFailure } from '../../shared/result.js';
import { GgufError } from './gguf/gguf-error.js';
import { LlmRequestError } from './llm-error.js';
import { ModelNotFound } from './models/model-manager.js';
import { TemplateError } from './templates/prompt-template.js';

/** Runs `work`, turning a bad file, an unknown model or a failed request into an AppFailure. */
export async function withLlmFailures<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GgufError || error instanceof TemplateError)
      throw new AppFailure('validation', error.message);
    if (error instanceof ModelNotFound) throw new AppFailure('not_found', error.message);
    if (error instanceof LlmRequestError) throw new AppFailure('unavailable', error.message, error.attempts);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new AppFailure('not_found', (error as Error).message);
    throw error;
  }
}
