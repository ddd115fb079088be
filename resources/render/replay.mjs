// Replays recorded canvas-2D operations onto a real canvas, accepting only whitelisted methods
// and properties with finite numbers and bounded strings (the recording is untrusted data).
const METHODS = new Set([
  'save',
  'restore',
  'translate',
  'rotate',
  'scale',
  'transform',
  'setTransform',
  'beginPath',
  'closePath',
  'moveTo',
  'lineTo',
  'bezierCurveTo',
  'quadraticCurveTo',
  'arc',
  'arcTo',
  'ellipse',
  'rect',
  'roundRect',
  'fill',
  'stroke',
  'fillRect',
  'strokeRect',
  'clearRect',
  'fillText',
  'strokeText',
  'clip',
  'setLineDash',
]);
const PROPS = new Set([
  'fillStyle',
  'strokeStyle',
  'lineWidth',
  'lineCap',
  'lineJoin',
  'font',
  'textAlign',
  'textBaseline',
  'globalAlpha',
  'globalCompositeOperation',
  'miterLimit',
  'lineDashOffset',
]);
const TEXT_METHODS = new Set(['fillText', 'strokeText']);

function safeArgs(args, method) {
  return args.every((a, i) =>
    typeof a === 'number'
      ? Number.isFinite(a) && Math.abs(a) < 1e7
      : typeof a === 'boolean'
        ? true
        : typeof a === 'string'
          ? a.length < 2000 && (TEXT_METHODS.has(method) ? i === 0 : a === 'evenodd' || a === 'nonzero')
          : Array.isArray(a)
            ? a.length < 64 && a.every((x) => Number.isFinite(x))
            : false,
  );
}

/** The sketch's CSS font with the family replaced by the app's shipped font (deterministic text). */
function appFont(css) {
  const size = /(\d+(?:\.\d+)?)px/.exec(css)?.[1] ?? '12';
  const style = ['italic', 'bold'].filter((word) => new RegExp(`\\b${word}\\b`).test(css)).join(' ');
  return `${style} ${Math.min(Number(size), 2000)}px "DejaVu Sans"`.trim();
}

/** Draws `recording` ({ w, h, ops }) with the long side scaled to `size`; returns PNG bytes. */
export function replay(createCanvas, recording, size) {
  const scale = size / Math.max(recording.w, recording.h);
  const width = Math.max(1, Math.round(recording.w * scale));
  const height = Math.max(1, Math.round(recording.h * scale));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  let depth = 0;
  for (const op of recording.ops) {
    if (!Array.isArray(op)) continue;
    const [kind, name, ...args] = op;
    if (
      kind === 's' &&
      PROPS.has(name) &&
      (typeof args[0] === 'string' ? args[0].length < 200 : Number.isFinite(args[0]))
    ) {
      ctx[name] = name === 'font' ? appFont(args[0]) : args[0];
    } else if (kind === 'c' && METHODS.has(name) && safeArgs(args, name)) {
      if (name === 'setTransform') ctx.setTransform(...args.map((a) => a * scale));
      else if (name === 'save') {
        if (depth < 512) {
          depth += 1;
          ctx.save();
        }
      } else if (name === 'restore') {
        if (depth > 0) {
          depth -= 1;
          ctx.restore();
        }
      } else ctx[name](...args);
    }
  }
  // Transparent pixels (clear()) show the white page, as in a browser.
  const out = createCanvas(width, height);
  const octx = out.getContext('2d');
  octx.fillStyle = '#ffffff';
  octx.fillRect(0, 0, width, height);
  octx.drawImage(canvas, 0, 0);
  return out.encodeSync('png');
}
