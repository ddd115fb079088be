// Builds the QuickJS program for a Processing sketch: fake DOM + processing-js + compile + run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const DOM = readFileSync(new URL('processing-dom.js', import.meta.url), 'utf8');
const PJS = readFileSync(require.resolve('processing-js/processing.js'), 'utf8');
// P3D: processing-3d.js hooks processing-js onto the p5 WEBGL scene recorder loaded after it.
const SCENE = ['processing-3d.js', 'p5-webgl.js', 'p5-webgl-api.js', 'p5-webgl-scene.js']
  .map((name) => readFileSync(new URL(name, import.meta.url), 'utf8'))
  .join('\n');
const SETUP = `${DOM}\n${PJS}\n${SCENE}\n`;

/** The setup (shim + library) and the sketch-loading code for `code`. */
export function prepareProcessing(code) {
  const load = `
__vc_seedRandom(__vc.seed);
var __vc_src;
try { __vc_src = Processing.compile(${JSON.stringify(code)}); }
catch (e) { throw new Error('VC_COMPILE: ' + (${/->/.test(code)} ? 'lambda expressions (->) are not supported by processing-js; ' : '') + (e && e.message || e)); }
// processing-js 1.6.6 predates quadraticVertex: approximate with a cubic through the control point.
function quadraticVertex(cx, cy, x, y) {
  Processing.instances[Processing.instances.length - 1].bezierVertex(cx, cy, cx, cy, x, y);
}
function __vc_run() {
  var canvas = new __vc_El('canvas');
  var p;
  __vc_src.onLoad = function (inst) { __vc_p3d(inst, canvas); };
  try { p = new Processing(canvas, __vc_src); }
  catch (e) { if (e && e.name === 'SyntaxError') throw new Error('VC_COMPILE: ' + (${/->/.test(code)} ? 'lambda expressions (->) are not supported by processing-js; ' : '') + e.message); throw e; }
  // processing-js already drew one frame when setup() called noLoop(); otherwise draw one now.
  if (typeof p.draw === 'function' && !(p.frameCount > 0)) p.redraw();
  p.noLoop && p.noLoop();
  __vc_end3d();
  return JSON.stringify({ w: canvas.width, h: canvas.height, ops: __vc.ops, log: __vc.log });
}`;
  return { setup: SETUP, code: load };
}
