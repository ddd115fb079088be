// Worker thread: runs a sketch in a fresh QuickJS runtime (no host objects) with a memory limit
// and an interrupt deadline, then replays the recorded canvas operations onto @napi-rs/canvas.
// The parent terminates this thread on a hard deadline (QuickJS deadlines are not guaranteed).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { getQuickJS, shouldInterruptAfterDeadline } from 'quickjs-emscripten';
import { replay } from './replay.mjs';
import { prepareProcessing } from './processing-prelude.mjs';

const here = new URL('.', import.meta.url);
const read = (name) => readFileSync(new URL(name, here), 'utf8');
const P5 = [
  'p5-shim.js',
  'p5-shapes.js',
  'p5-runtime.js',
  'p5-webgl.js',
  'p5-webgl-api.js',
  'p5-webgl-scene.js',
]
  .map(read)
  .join('\n');
const QJS = await getQuickJS();
GlobalFonts.registerFromPath(fileURLToPath(new URL('../fonts/DejaVuSans.ttf', here)), 'DejaVu Sans');

function classify(error, phase, language) {
  const message = String(error?.message ?? error);
  const where = /sketch\.js:(\d+)/.exec(String(error?.stack ?? ''));
  // Processing runs as compiled JS: its line numbers would point into the translation.
  const line = where && language === 'p5js' ? `line ${where[1]}: ` : '';
  if (/interrupted/i.test(message)) return { status: 'timeout', error: 'sketch ran past its deadline' };
  if (/out of memory|stack overflow/i.test(message)) return { status: 'resource_limit', error: message };
  if (message.includes('VC_OPS_LIMIT'))
    return { status: 'resource_limit', error: 'sketch drew too many shapes' };
  if (message.includes('VC_CANVAS_LIMIT'))
    return { status: 'resource_limit', error: 'canvas larger than 16 megapixels' };
  if (message.includes('VC_WEBGL') || /WebGL context/.test(message))
    return {
      status: 'runtime_error',
      error: '3D mode (WEBGL / P3D) is not supported by the embedded renderer',
    };
  if (message.includes('VC_COMPILE:'))
    return { status: 'compile_error', error: message.split('VC_COMPILE:')[1].trim() };
  const syntax = error?.name === 'SyntaxError' && phase === 'load';
  return {
    status: syntax ? 'compile_error' : 'runtime_error',
    error: `${line}${error?.name ?? 'Error'}: ${message}`,
  };
}

function evaluate(ctx, code, file) {
  const result = ctx.evalCode(code, file);
  if (result.error) {
    const error = ctx.dump(result.error);
    result.error.dispose();
    return { error };
  }
  const value = ctx.dump(result.value);
  result.value.dispose();
  return { value };
}

function runSketch(request) {
  const runtime = QJS.newRuntime();
  runtime.setMemoryLimit(request.memoryMb * 1024 * 1024);
  runtime.setMaxStackSize(1024 * 1024);
  runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + request.timeoutMs));
  const ctx = runtime.newContext();
  try {
    const preludes =
      request.language === 'processing' ? prepareProcessing(request.code) : { setup: P5, code: request.code };
    const steps = [
      [
        'setup',
        `var __vc_seed = ${request.seed >>> 0 || 1}, __vc_limit = ${request.maxOps >>> 0};\n${preludes.setup}`,
        'shim.js',
      ],
      ['load', preludes.code, 'sketch.js'],
      ['run', '__vc_run()', 'run.js'],
    ];
    let output;
    for (const [phase, code, file] of steps) {
      const result = evaluate(ctx, code, file);
      if (result.error) return classify(result.error, phase, request.language);
      output = result.value;
    }
    return { status: 'ran', ...JSON.parse(output) };
  } finally {
    try {
      ctx.dispose();
      runtime.dispose();
    } catch {
      /* after OOM dispose can throw: the parent replaces us */
    }
  }
}

parentPort.on('message', (request) => {
  const { id } = request;
  try {
    const ran = runSketch(request);
    if (ran.status !== 'ran') return parentPort.postMessage({ id, ...ran });
    const png = replay(createCanvas, ran, request.size);
    parentPort.postMessage({ id, status: 'ok', png, log: (ran.log ?? []).join('\n') });
  } catch (error) {
    parentPort.postMessage({ id, status: 'runtime_error', error: String(error?.message ?? error) });
  }
});
