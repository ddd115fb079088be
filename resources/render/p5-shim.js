/* global __vc_seed, __vc_limit */
// A p5.js-compatible drawing API for QuickJS that RECORDS canvas-2D operations into __vc.ops
// (replayed onto a real canvas outside the engine). Deterministic: seeded random/noise, fixed
// frameCount/millis/time, exactly one setup() and one draw(). No host objects exist in here.
var __vc = { ops: [], w: 100, h: 100, webgl: false, limit: __vc_limit, seed: __vc_seed, log: [] };
(function (G) {
  var ops = __vc.ops;
  function op(a) {
    if (ops.length >= __vc.limit) throw new Error('VC_OPS_LIMIT');
    ops.push(a);
  }
  function call(m) {
    op(['c', m].concat(Array.prototype.slice.call(arguments, 1)));
  }
  function set(p, v) {
    op(['s', p, v]);
  }
  var C = {
    PI: Math.PI,
    TWO_PI: 2 * Math.PI,
    TAU: 2 * Math.PI,
    HALF_PI: Math.PI / 2,
    QUARTER_PI: Math.PI / 4,
    DEGREES: 'degrees',
    RADIANS: 'radians',
    CENTER: 'center',
    CORNER: 'corner',
    CORNERS: 'corners',
    RADIUS: 'radius',
    LEFT: 'left',
    RIGHT: 'right',
    TOP: 'top',
    BOTTOM: 'bottom',
    BASELINE: 'alphabetic',
    CLOSE: 'close',
    OPEN: 'open',
    CHORD: 'chord',
    PIE: 'pie',
    RGB: 'rgb',
    HSB: 'hsb',
    HSL: 'hsl',
    WEBGL: 'webgl',
    P2D: 'p2d',
    ROUND: 'round',
    SQUARE: 'butt',
    PROJECT: 'square',
    MITER: 'miter',
    BEVEL: 'bevel',
    POINTS: 'points',
    LINES: 'lines',
    TRIANGLES: 'triangles',
    TRIANGLE_FAN: 'triangle_fan',
    TRIANGLE_STRIP: 'triangle_strip',
    QUADS: 'quads',
    QUAD_STRIP: 'quad_strip',
    NORMAL: 'normal',
    BOLD: 'bold',
    ITALIC: 'italic',
    BOLDITALIC: 'bold italic',
    BLEND: 'source-over',
    ADD: 'lighter',
    MULTIPLY: 'multiply',
    SCREEN: 'screen',
    DIFFERENCE: 'difference',
    ARROW: 'default',
    HAND: 'pointer',
  };
  for (var k in C) G[k] = C[k];
  var st = {
    fill: 'rgba(255,255,255,1)',
    stroke: 'rgba(0,0,0,1)',
    doFill: true,
    doStroke: true,
    weight: 1,
    rectMode: 'corner',
    ellipseMode: 'center',
    angle: 'radians',
    cm: 'rgb',
    max: [255, 255, 255, 255],
    textSize: 12,
    alignX: 'left',
    alignY: 'alphabetic',
    textStyle: 'normal',
    leading: 15,
  };
  var stack = [];
  function clone(o) {
    var r = {};
    for (var k in o) r[k] = o[k];
    return r;
  }
  function clamp01(v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
  }
  function hsbToRgb(h, s, b) {
    var i = Math.floor(h * 6) % 6,
      f = h * 6 - Math.floor(h * 6),
      p = b * (1 - s),
      q = b * (1 - f * s),
      t = b * (1 - (1 - f) * s);
    return [
      [b, t, p],
      [q, b, p],
      [p, b, t],
      [p, q, b],
      [t, p, b],
      [b, p, q],
    ][i < 0 ? 0 : i];
  }
  function hslToRgb(h, s, l) {
    var b = l + s * Math.min(l, 1 - l),
      sv = b === 0 ? 0 : 2 * (1 - l / b);
    return hsbToRgb(h, sv, b);
  }
  function P5Color(r, g, b, a) {
    this.levels = [Math.round(r), Math.round(g), Math.round(b), Math.round(a)];
  }
  P5Color.prototype.toString = function () {
    var l = this.levels;
    return 'rgba(' + l[0] + ',' + l[1] + ',' + l[2] + ',' + l[3] / 255 + ')';
  };
  P5Color.prototype.setAlpha = function (a) {
    this.levels[3] = Math.round(clamp01(a / st.max[3]) * 255);
  };
  P5Color.prototype.setRed = function (v) {
    this.levels[0] = v;
  };
  P5Color.prototype.setGreen = function (v) {
    this.levels[1] = v;
  };
  P5Color.prototype.setBlue = function (v) {
    this.levels[2] = v;
  };
  var NAMED = {
    black: [0, 0, 0],
    white: [255, 255, 255],
    red: [255, 0, 0],
    green: [0, 128, 0],
    blue: [0, 0, 255],
    yellow: [255, 255, 0],
    orange: [255, 165, 0],
    purple: [128, 0, 128],
    pink: [255, 192, 203],
    brown: [165, 42, 42],
    gray: [128, 128, 128],
    grey: [128, 128, 128],
    cyan: [0, 255, 255],
    magenta: [255, 0, 255],
    lime: [0, 255, 0],
    navy: [0, 0, 128],
    teal: [0, 128, 128],
    gold: [255, 215, 0],
    silver: [192, 192, 192],
    maroon: [128, 0, 0],
    olive: [128, 128, 0],
    skyblue: [135, 206, 235],
    darkgreen: [0, 100, 0],
    lightblue: [173, 216, 230],
    lightgray: [211, 211, 211],
    darkgray: [169, 169, 169],
    beige: [245, 245, 220],
    violet: [238, 130, 238],
    indigo: [75, 0, 130],
    coral: [255, 127, 80],
    salmon: [250, 128, 114],
    khaki: [240, 230, 140],
    tan: [210, 180, 140],
    forestgreen: [34, 139, 34],
    steelblue: [70, 130, 180],
    crimson: [220, 20, 60],
    turquoise: [64, 224, 208],
    transparent: [0, 0, 0, 0],
  };
  function parseCss(s) {
    s = String(s).trim().toLowerCase();
    if (NAMED[s]) {
      var n = NAMED[s];
      return new P5Color(n[0], n[1], n[2], n.length > 3 ? 0 : 255);
    }
    var m = /^#([0-9a-f]{3,8})$/.exec(s);
    if (m) {
      var h = m[1];
      if (h.length === 3 || h.length === 4)
        h = h
          .split('')
          .map(function (c) {
            return c + c;
          })
          .join('');
      return new P5Color(
        parseInt(h.slice(0, 2), 16),
        parseInt(h.slice(2, 4), 16),
        parseInt(h.slice(4, 6), 16),
        h.length === 8 ? parseInt(h.slice(6, 8), 16) : 255,
      );
    }
    m = /^rgba?\(([^)]*)\)$/.exec(s);
    if (m) {
      var p = m[1].split(',').map(parseFloat);
      return new P5Color(p[0], p[1], p[2], p.length > 3 ? p[3] * 255 : 255);
    }
    m = /^hsla?\(([^)]*)\)$/.exec(s);
    if (m) {
      var q = m[1].split(',').map(parseFloat);
      var c = hslToRgb(q[0] / 360, q[1] / 100, q[2] / 100);
      return new P5Color(c[0] * 255, c[1] * 255, c[2] * 255, q.length > 3 ? q[3] * 255 : 255);
    }
    return new P5Color(0, 0, 0, 255);
  }
  function toColor(args) {
    var a = Array.prototype.slice.call(args);
    if (a.length === 1 && a[0] instanceof P5Color) return a[0];
    if (a.length === 1 && Array.isArray(a[0])) a = a[0];
    if (typeof a[0] === 'string') {
      var c = parseCss(a[0]);
      if (a.length > 1) c.setAlpha(a[1]);
      return c;
    }
    var mx = st.max,
      alpha = 255;
    if (a.length <= 2) {
      if (a.length === 2) alpha = clamp01(a[1] / mx[3]) * 255;
      if (st.cm === 'rgb') {
        var g = clamp01(a[0] / mx[0]) * 255;
        return new P5Color(g, g, g, alpha);
      }
      var l = clamp01(a[0] / mx[2]);
      return new P5Color(l * 255, l * 255, l * 255, alpha);
    }
    if (a.length >= 4) alpha = clamp01(a[3] / mx[3]) * 255;
    var x = clamp01(a[0] / mx[0]),
      y = clamp01(a[1] / mx[1]),
      z = clamp01(a[2] / mx[2]);
    if (st.cm === 'rgb') return new P5Color(x * 255, y * 255, z * 255, alpha);
    var rgb = st.cm === 'hsb' ? hsbToRgb(x, y, z) : hslToRgb(x, y, z);
    return new P5Color(rgb[0] * 255, rgb[1] * 255, rgb[2] * 255, alpha);
  }
  G.color = function () {
    return toColor(arguments);
  };
  G.red = function (c) {
    return toColor([c]).levels[0];
  };
  G.green = function (c) {
    return toColor([c]).levels[1];
  };
  G.blue = function (c) {
    return toColor([c]).levels[2];
  };
  G.alpha = function (c) {
    return toColor([c]).levels[3];
  };
  G.brightness = function (c) {
    var l = toColor([c]).levels;
    return (Math.max(l[0], l[1], l[2]) / 255) * 100;
  };
  G.lerpColor = function (c1, c2, t) {
    var a = toColor([c1]).levels,
      b = toColor([c2]).levels;
    t = clamp01(t);
    return new P5Color(
      a[0] + (b[0] - a[0]) * t,
      a[1] + (b[1] - a[1]) * t,
      a[2] + (b[2] - a[2]) * t,
      a[3] + (b[3] - a[3]) * t,
    );
  };
  G.colorMode = function (mode, a, b, c, d) {
    st.cm = mode === 'hsb' ? 'hsb' : mode === 'hsl' ? 'hsl' : 'rgb';
    var def =
      st.cm === 'rgb' ? [255, 255, 255, 255] : st.cm === 'hsb' ? [360, 100, 100, 1] : [360, 100, 100, 1];
    if (a === undefined) st.max = def;
    else if (b === undefined) st.max = [a, a, a, a];
    else st.max = [a, b, c, d === undefined ? def[3] : d];
  };
  G.fill = function () {
    st.fill = toColor(arguments).toString();
    st.doFill = true;
  };
  G.noFill = function () {
    st.doFill = false;
  };
  G.stroke = function () {
    st.stroke = toColor(arguments).toString();
    st.doStroke = true;
  };
  G.noStroke = function () {
    st.doStroke = false;
  };
  G.strokeWeight = function (w) {
    st.weight = w;
  };
  G.strokeCap = function (c) {
    set('lineCap', c);
  };
  G.strokeJoin = function (j) {
    set('lineJoin', j);
  };
  G.background = function () {
    var c = toColor(arguments).toString();
    call('save');
    call('setTransform', 1, 0, 0, 1, 0, 0);
    set('fillStyle', c);
    call('fillRect', 0, 0, __vc.w, __vc.h);
    call('restore');
  };
  G.clear = function () {
    call('save');
    call('setTransform', 1, 0, 0, 1, 0, 0);
    call('clearRect', 0, 0, __vc.w, __vc.h);
    call('restore');
  };
  function paint(closeFill) {
    if (st.doFill && closeFill !== false) {
      set('fillStyle', st.fill);
      call('fill');
    }
    if (st.doStroke) {
      set('strokeStyle', st.stroke);
      set('lineWidth', st.weight);
      call('stroke');
    }
  }
  G.__vc_paint = paint;
  G.__vc_call = call;
  G.__vc_set = set;
  G.__vc_state = st;
  G.__vc_color = toColor;
  G.__vc_push = function () {
    stack.push(clone(st));
    call('save');
  };
  G.__vc_pop = function () {
    if (stack.length) {
      var s = stack.pop();
      for (var k in s) st[k] = s[k];
      call('restore');
    }
  };
  G.push = G.__vc_push;
  G.pop = G.__vc_pop;
  G.angleMode = function (m) {
    st.angle = m;
  };
  G.__vc_rad = function (a) {
    return st.angle === 'degrees' ? (a * Math.PI) / 180 : a;
  };
  G.translate = function (x, y) {
    call('translate', x, y || 0);
  };
  G.rotate = function (a) {
    call('rotate', G.__vc_rad(a));
  };
  G.scale = function (x, y) {
    call('scale', x, y === undefined ? x : y);
  };
  G.shearX = function (a) {
    call('transform', 1, 0, Math.tan(G.__vc_rad(a)), 1, 0, 0);
  };
  G.shearY = function (a) {
    call('transform', 1, Math.tan(G.__vc_rad(a)), 0, 1, 0, 0);
  };
  G.resetMatrix = function () {
    call('setTransform', 1, 0, 0, 1, 0, 0);
  };
  G.applyMatrix = function (a, b, c, d, e, f) {
    call('transform', a, b, c, d, e, f);
  };
})(globalThis);
