// Worker thread of the embedded TikZ fallback: TeX compiled by node-tikzjax (WASM TeX over an
// in-memory file system: the answer cannot reach host files), answered as SVG text. The TeX log
// goes through console.log; it is captured so a failure reports TeX's first `! …` line.
import { parentPort } from 'node:worker_threads';
import tikzjax from 'node-tikzjax';

const tex2svg = tikzjax.default ?? tikzjax;

parentPort.on('message', async (request) => {
  const { id, body, libraries, packages } = request;
  const log = [];
  const original = console.log;
  console.log = (...parts) => {
    if (log.length < 2000) log.push(parts.join(' '));
  };
  try {
    const svg = await tex2svg(body, { showConsole: true, tikzLibraries: libraries, texPackages: packages });
    parentPort.postMessage({ id, ok: true, svg });
  } catch (error) {
    const first = log.find((line) => line.startsWith('! '));
    parentPort.postMessage({ id, ok: false, error: first ?? String(error?.message ?? error) });
  } finally {
    console.log = original;
  }
});
