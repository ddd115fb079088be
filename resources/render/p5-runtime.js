/* global __vc */
// Math, seeded random/noise, vectors and the one-frame lifecycle of the p5 shim.
(function (G) {
  var st = G.__vc_state;
  var seed = __vc.seed >>> 0 || 1;
  function mulberry() {
    seed = (seed + 0x6d2b79f5) >>> 0;
    var t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  Math.random = mulberry;
  G.randomSeed = function (s) {
    seed = s >>> 0 || 1;
  };
  G.random = function (a, b) {
    var r = mulberry();
    if (a === undefined) return r;
    if (Array.isArray(a)) return a[Math.floor(r * a.length)];
    if (b === undefined) return r * a;
    return a + r * (b - a);
  };
  var spare = null;
  G.randomGaussian = function (mean, sd) {
    var y;
    if (spare !== null) {
      y = spare;
      spare = null;
    } else {
      var x1, x2, w;
      do {
        x1 = G.random(2) - 1;
        x2 = G.random(2) - 1;
        w = x1 * x1 + x2 * x2;
      } while (w >= 1 || w === 0);
      w = Math.sqrt((-2 * Math.log(w)) / w);
      y = x1 * w;
      spare = x2 * w;
    }
    return y * (sd === undefined ? 1 : sd) + (mean || 0);
  };
  var perlin = null,
    octaves = 4,
    falloff = 0.5;
  function makePerlin() {
    perlin = [];
    for (var i = 0; i < 4096; i++) perlin.push(mulberry());
  }
  G.noiseSeed = function (s) {
    var keep = seed;
    seed = s >>> 0 || 1;
    makePerlin();
    seed = keep;
  };
  G.noiseDetail = function (o, f) {
    octaves = o;
    if (f) falloff = f;
  };
  function sc(i) {
    return 0.5 * (1 - Math.cos(i * Math.PI));
  }
  G.noise = function (x, y, z) {
    if (!perlin) makePerlin();
    y = y || 0;
    z = z || 0;
    if (x < 0) x = -x;
    if (y < 0) y = -y;
    if (z < 0) z = -z;
    var xi = Math.floor(x),
      yi = Math.floor(y),
      zi = Math.floor(z),
      xf = x - xi,
      yf = y - yi,
      zf = z - zi,
      r = 0,
      amp = 0.5;
    for (var o = 0; o < octaves; o++) {
      var of = xi + (yi << 4) + (zi << 8),
        rxf = sc(xf),
        ryf = sc(yf);
      var n1 = perlin[of & 4095];
      n1 += rxf * (perlin[(of + 1) & 4095] - n1);
      var n2 = perlin[(of + 16) & 4095];
      n2 += rxf * (perlin[(of + 17) & 4095] - n2);
      n1 += ryf * (n2 - n1);
      of += 256;
      n2 = perlin[of & 4095];
      n2 += rxf * (perlin[(of + 1) & 4095] - n2);
      var n3 = perlin[(of + 16) & 4095];
      n3 += rxf * (perlin[(of + 17) & 4095] - n3);
      n2 += ryf * (n3 - n2);
      n1 += sc(zf) * (n2 - n1);
      r += n1 * amp;
      amp *= falloff;
      xi <<= 1;
      xf *= 2;
      yi <<= 1;
      yf *= 2;
      zi <<= 1;
      zf *= 2;
      if (xf >= 1) {
        xi++;
        xf--;
      }
      if (yf >= 1) {
        yi++;
        yf--;
      }
      if (zf >= 1) {
        zi++;
        zf--;
      }
    }
    return r;
  };
  ['abs', 'ceil', 'floor', 'round', 'sqrt', 'exp', 'log', 'pow', 'min', 'max'].forEach(function (f) {
    G[f] = function () {
      var a = arguments;
      if (a.length === 1 && Array.isArray(a[0])) return Math[f].apply(null, a[0]);
      return Math[f].apply(null, a);
    };
  });
  ['sin', 'cos', 'tan'].forEach(function (f) {
    G[f] = function (a) {
      return Math[f](G.__vc_rad(a));
    };
  });
  ['asin', 'acos', 'atan'].forEach(function (f) {
    G[f] = function (a) {
      var r = Math[f](a);
      return st.angle === 'degrees' ? (r * 180) / Math.PI : r;
    };
  });
  G.atan2 = function (y, x) {
    var r = Math.atan2(y, x);
    return st.angle === 'degrees' ? (r * 180) / Math.PI : r;
  };
  G.sq = function (x) {
    return x * x;
  };
  G.radians = function (d) {
    return (d * Math.PI) / 180;
  };
  G.degrees = function (r) {
    return (r * 180) / Math.PI;
  };
  G.map = function (v, a, b, c, d, within) {
    var r = c + ((v - a) / (b - a)) * (d - c);
    if (within) r = c < d ? Math.min(Math.max(r, c), d) : Math.min(Math.max(r, d), c);
    return r;
  };
  G.constrain = function (v, lo, hi) {
    return Math.max(Math.min(v, hi), lo);
  };
  G.lerp = function (a, b, t) {
    return a + (b - a) * t;
  };
  G.dist = function (a, b, c, d) {
    return Math.hypot(c - a, d - b);
  };
  G.mag = function (a, b) {
    return Math.hypot(a, b);
  };
  G.norm = function (v, a, b) {
    return (v - a) / (b - a);
  };
  G.fract = function (x) {
    return x - Math.floor(x);
  };
  G.int = function (x) {
    return parseInt(x, 10);
  };
  G.float = function (x) {
    return parseFloat(x);
  };
  G.str = function (x) {
    return String(x);
  };
  G.nf = function (n, l, r) {
    return r === undefined ? String(n) : Number(n).toFixed(r);
  };
  G.shuffle = function (a) {
    var b = a.slice();
    for (var i = b.length - 1; i > 0; i--) {
      var j = Math.floor(mulberry() * (i + 1));
      var t = b[i];
      b[i] = b[j];
      b[j] = t;
    }
    return b;
  };
  function Vec(x, y, z) {
    this.x = x || 0;
    this.y = y || 0;
    this.z = z || 0;
  }
  Vec.prototype = {
    copy: function () {
      return new Vec(this.x, this.y, this.z);
    },
    set: function (x, y, z) {
      this.x = x;
      this.y = y || 0;
      this.z = z || 0;
      return this;
    },
    add: function (x, y, z) {
      if (x instanceof Vec) {
        y = x.y;
        z = x.z;
        x = x.x;
      }
      this.x += x;
      this.y += y || 0;
      this.z += z || 0;
      return this;
    },
    sub: function (x, y, z) {
      if (x instanceof Vec) {
        y = x.y;
        z = x.z;
        x = x.x;
      }
      this.x -= x;
      this.y -= y || 0;
      this.z -= z || 0;
      return this;
    },
    mult: function (s) {
      this.x *= s;
      this.y *= s;
      this.z *= s;
      return this;
    },
    div: function (s) {
      this.x /= s;
      this.y /= s;
      this.z /= s;
      return this;
    },
    mag: function () {
      return Math.hypot(this.x, this.y, this.z);
    },
    normalize: function () {
      var m = this.mag();
      if (m) this.div(m);
      return this;
    },
    setMag: function (m) {
      return this.normalize().mult(m);
    },
    limit: function (m) {
      if (this.mag() > m) this.setMag(m);
      return this;
    },
    heading: function () {
      return Math.atan2(this.y, this.x);
    },
    rotate: function (a) {
      var h = this.heading() + a,
        m = this.mag();
      this.x = Math.cos(h) * m;
      this.y = Math.sin(h) * m;
      return this;
    },
    dist: function (v) {
      return Math.hypot(this.x - v.x, this.y - v.y, this.z - v.z);
    },
    dot: function (v) {
      return this.x * v.x + this.y * v.y + this.z * v.z;
    },
  };
  Vec.fromAngle = function (a, l) {
    return new Vec(Math.cos(a) * (l || 1), Math.sin(a) * (l || 1));
  };
  Vec.random2D = function () {
    return Vec.fromAngle(mulberry() * Math.PI * 2);
  };
  Vec.add = function (a, b) {
    return a.copy().add(b);
  };
  Vec.sub = function (a, b) {
    return a.copy().sub(b);
  };
  Vec.dist = function (a, b) {
    return a.dist(b);
  };
  G.createVector = function (x, y, z) {
    return new Vec(x, y, z);
  };
  // Instance mode (`new p5((p) => { p.setup = … })`): the global scope plays the instance.
  G.p5 = function (sketch) {
    if (typeof sketch === 'function') sketch(G);
  };
  G.p5.Vector = Vec;
  G.width = 100;
  G.height = 100;
  G.frameCount = 1;
  G.mouseX = 0;
  G.mouseY = 0;
  G.pmouseX = 0;
  G.pmouseY = 0;
  G.mouseIsPressed = false;
  G.keyIsPressed = false;
  G.deltaTime = 1000 / 60;
  G.focused = true;
  G.windowWidth = 800;
  G.windowHeight = 600;
  G.displayWidth = 1920;
  G.displayHeight = 1080;
  G.millis = function () {
    return 0;
  };
  G.second = function () {
    return 0;
  };
  G.minute = function () {
    return 0;
  };
  G.hour = function () {
    return 12;
  };
  G.day = function () {
    return 1;
  };
  G.month = function () {
    return 1;
  };
  G.year = function () {
    return 2024;
  };
  var noop = function () {};
  [
    'noLoop',
    'loop',
    'redraw',
    'frameRate',
    'smooth',
    'noSmooth',
    'cursor',
    'noCursor',
    'pixelDensity',
    'blendMode',
    'describe',
    'textWrap',
    'imageMode',
    'tint',
    'noTint',
    'strokeCap',
    'noErase',
    'erase',
    'setTimeout',
    'setInterval',
    'clearTimeout',
    'clearInterval',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'select',
    'createP',
    'createDiv',
  ].forEach(function (n) {
    if (
      typeof G[n] !== 'function' ||
      n.indexOf('Timeout') > 0 ||
      n.indexOf('Interval') > 0 ||
      n.indexOf('Animation') > 0
    )
      G[n] = noop;
  });
  G.print = function () {
    if (__vc.log.length < 50) __vc.log.push(Array.prototype.join.call(arguments, ' '));
  };
  G.console = { log: G.print, warn: G.print, error: G.print, info: G.print };
  function canvas(w, h, mode) {
    __vc.w = Math.max(1, Math.round(w || 100));
    __vc.h = Math.max(1, Math.round(h || 100));
    if (__vc.w * __vc.h > 16e6) throw new Error('VC_CANVAS_LIMIT');
    G.width = __vc.w;
    G.height = __vc.h;
    if (mode === 'webgl') __vc.webgl = true;
  }
  G.createCanvas = function (w, h, mode) {
    canvas(w, h, mode);
    return { parent: noop, position: noop, style: noop, id: noop, class: noop };
  };
  G.resizeCanvas = function (w, h) {
    canvas(w, h);
  };
  G.size = G.createCanvas;
  G.__vc_run = function () {
    if (typeof G.preload === 'function') G.preload();
    if (typeof G.setup === 'function') G.setup();
    if (typeof G.draw === 'function') G.draw();
    if (__vc.webgl) G.__vc_flush3d();
    return JSON.stringify({ w: __vc.w, h: __vc.h, ops: __vc.ops, log: __vc.log });
  };
})(globalThis);
