/**
 * What one IPC call does before the engine sees it: refuse frames that are not our app. Pure (no
 * electron import) so it is tested against a real engine under plain Node.
 */
import type { CallName } from '../../shared/contract.js';
import { err, type Result } from '../../shared/result.js';
import type { Engine } from '../api/engine.js';
import { isTrustedSender } from './navigation.js';

/**
 * Answers a contract call that arrived over IPC from a frame with URL `frameUrl`. A destroyed frame
 * or another origin (an injected iframe, a page navigated elsewhere) gets `unauthorized`, and the
 * request is never dispatched.
 */
export function answerIpcCall(
  engine: Pick<Engine, 'dispatch'>,
  name: CallName,
  frameUrl: string | undefined,
  request: unknown,
): Promise<Result<unknown>> {
  if (!isTrustedSender(frameUrl)) {
    return Promise.resolve(err('unauthorized', `IPC call ${name} from an untrusted frame was refused`));
  }
  return engine.dispatch(name, request);
}
