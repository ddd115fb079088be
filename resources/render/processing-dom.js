/* global __vc_seed, __vc_limit */
// A fake DOM and a recording canvas 2D context for processing-js inside QuickJS. Every context
// call and property write is recorded into __vc.ops (same format as the p5 shim); nothing here
// reaches the host. Timers never fire: the runner calls draw() exactly once.
var __vc = { ops: [], w: 100, h: 100, limit: __vc_limit, seed: __vc_seed, log: [] };
(function (G) {
  var noop = function () {};
  function op(a) {
    if (__vc.ops.length >= __vc.limit) throw new Error('VC_OPS_LIMIT');
    __vc.ops.push(a);
  }
  var special = {
    measureText: function (s) {
      return { width: String(s).length * 7 };
    },
    getImageData: function (x, y, w, h) {
      var n = Math.max(0, Math.min(w * h * 4, 4e6));
      return { width: w, height: h, data: new Uint8ClampedArray(n) };
    },
    createImageData: function (w, h) {
      var n = Math.max(0, Math.min(w * h * 4, 4e6));
      return { width: w, height: h, data: new Uint8ClampedArray(n) };
    },
    createLinearGradient: function () {
      return { addColorStop: noop };
    },
    createRadialGradient: function () {
      return { addColorStop: noop };
    },
    createPattern: function () {
      return null;
    },
    isPointInPath: function () {
      return false;
    },
    putImageData: noop,
    drawImage: noop,
  };
  var store = { canvas: null };
  var ctx = new Proxy(store, {
    get: function (t, k) {
      if (k in special) return special[k];
      if (k in t) return t[k];
      if (typeof k !== 'string') return undefined;
      return function () {
        op(['c', k].concat(Array.prototype.slice.call(arguments)));
      };
    },
    set: function (t, k, v) {
      t[k] = v;
      op(['s', k, typeof v === 'object' ? String(v) : v]);
      return true;
    },
    has: function (t, k) {
      return k in t;
    },
  });
  function El(tag) {
    this.tagName = tag;
    this.style = { setProperty: noop, removeProperty: noop };
    this.attributes = {};
    this.childNodes = [];
    this.classList = {
      add: noop,
      remove: noop,
      contains: function () {
        return false;
      },
    };
  }
  El.prototype = {
    offsetWidth: 10,
    offsetHeight: 10,
    width: 100,
    height: 100,
    appendChild: noop,
    insertBefore: noop,
    removeChild: noop,
    setAttribute: function (k, v) {
      this.attributes[k] = v;
    },
    getAttribute: function (k) {
      return this.attributes[k] || null;
    },
    hasAttribute: function () {
      return false;
    },
    addEventListener: noop,
    removeEventListener: noop,
    focus: noop,
    getContext: function (kind) {
      if (kind !== '2d') throw new Error('VC_WEBGL');
      store.canvas = this;
      return ctx;
    },
    getBoundingClientRect: function () {
      return { left: 0, top: 0, width: this.width, height: this.height };
    },
  };
  var styleValue = {
    getPropertyValue: function () {
      return '10px';
    },
  };
  G.document = {
    defaultView: {
      getComputedStyle: function () {
        return styleValue;
      },
    },
    fonts: {},
    createElement: function (t) {
      return new El(t);
    },
    createElementNS: function (ns, t) {
      return new El(t);
    },
    getElementById: function () {
      return null;
    },
    getElementsByTagName: function () {
      return [];
    },
    querySelectorAll: function () {
      return [];
    },
    addEventListener: noop,
    removeEventListener: noop,
    documentElement: new El('html'),
    body: new El('body'),
    head: new El('head'),
    readyState: 'complete',
  };
  G.window = G;
  G.navigator = { userAgent: 'vcheck' };
  G.location = { href: '' };
  G.addEventListener = noop;
  G.removeEventListener = noop;
  G.setInterval = function () {
    return 1;
  };
  G.clearInterval = noop;
  G.setTimeout = function () {
    return 1;
  };
  G.clearTimeout = noop;
  G.requestAnimationFrame = function () {
    return 1;
  };
  G.cancelAnimationFrame = noop;
  G.HTMLCanvasElement = El;
  G.HTMLImageElement = El;
  G.XMLHttpRequest = function () {
    throw new Error('no network');
  };
  G.console = {
    log: function () {
      if (__vc.log.length < 50) __vc.log.push(Array.prototype.join.call(arguments, ' '));
    },
  };
  G.console.warn = G.console.error = G.console.info = G.console.log;
  G.__vc_El = El;
  var fixed = 1700000000000,
    RealDate = Date;
  Date.now = function () {
    return fixed;
  };
  G.__vc_seedRandom = function (s) {
    var seed = s >>> 0 || 1;
    Math.random = function () {
      seed = (seed + 0x6d2b79f5) >>> 0;
      var t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };
  void RealDate;
})(globalThis);
