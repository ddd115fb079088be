/**
 * Turns what a Python job left behind (the server's reply, result.json, log.txt, out.png) into a
 * render status with a short error. Pure apart from reading the job directory.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SIGNALS } from '../sandbox/output.js';
import type { RenderStatus } from '../types.js';
import type { PythonReply } from './python-worker.js';

/** What a finished job amounts to. */
export interface PythonJobOutcome {
  readonly status: RenderStatus;
  readonly error?: string;
  readonly png?: Uint8Array;
  readonly log: string;
}

const LOG_BYTES = 8_192;

/** Reads a file unless it is larger than `limit` bytes (then `tooBig`); missing → undefined. */
async function readCapped(file: string, limit: number): Promise<Buffer | 'tooBig' | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  if (info.size > limit) return 'tooBig';
  return readFile(file);
}

/** Status from a reply that ended without a usable result.json. */
export function classifyEnd(
  reply: PythonReply,
  timeoutMs: number,
): { status: RenderStatus; error: string } | undefined {
  if (reply.timedOut || reply.signal === SIGNALS.cpu)
    return { status: 'timeout', error: `the program ran longer than ${timeoutMs} ms and was killed` };
  if (reply.workerLost)
    return { status: 'runtime_error', error: `the render worker crashed: ${reply.workerLost}`.slice(0, 300) };
  if (reply.signal === SIGNALS.fileSize)
    return { status: 'resource_limit', error: 'a file the program wrote exceeded the size limit' };
  if (reply.signal === SIGNALS.kill || reply.signal === SIGNALS.segv || reply.signal === SIGNALS.abort)
    return {
      status: 'resource_limit',
      error: `the program was killed (signal ${reply.signal}), most likely at the memory limit`,
    };
  if (reply.signal !== undefined)
    return { status: 'runtime_error', error: `the program died of signal ${reply.signal}` };
  return undefined;
}

/** Reads the job directory and classifies the job. */
export async function classifyJob(
  reply: PythonReply,
  timeoutMs: number,
  maxPngBytes: number,
): Promise<PythonJobOutcome> {
  const logBytes = await readCapped(path.join(reply.jobDirHost, 'log.txt'), 16 << 20);
  const log =
    logBytes === 'tooBig'
      ? '(log larger than 16 MiB)'
      : (logBytes?.subarray(0, LOG_BYTES).toString('utf8') ?? '');
  const ended = classifyEnd(reply, timeoutMs);
  if (ended) return { ...ended, log };
  const raw = await readCapped(path.join(reply.jobDirHost, 'result.json'), 64 << 10);
  if (raw === undefined || raw === 'tooBig') {
    const memory = /MemoryError/.test(log);
    return {
      status: memory ? 'resource_limit' : 'runtime_error',
      error: memory
        ? 'memory limit reached'
        : `the program ended without a result (exit status ${reply.exitCode ?? '?'})`,
      log,
    };
  }
  const result = JSON.parse(raw.toString('utf8')) as { status: RenderStatus; error?: string };
  if (result.status !== 'ok') return { status: result.status, error: result.error ?? result.status, log };
  const png = await readCapped(path.join(reply.jobDirHost, 'out.png'), maxPngBytes);
  if (png === 'tooBig')
    return { status: 'resource_limit', error: `the image is larger than ${maxPngBytes} bytes`, log };
  if (!png) return { status: 'runtime_error', error: 'the program produced no image', log };
  return { status: 'ok', png: new Uint8Array(png), log };
}
