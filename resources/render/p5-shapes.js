// Shapes, text and curves of the p5 shim (recorded as canvas-2D operations).
(function (G) {
  var call = G.__vc_call,
    set = G.__vc_set,
    paint = G.__vc_paint,
    st = G.__vc_state,
    rad = G.__vc_rad;
  G.rectMode = function (m) {
    st.rectMode = m;
  };
  G.ellipseMode = function (m) {
    st.ellipseMode = m;
  };
  function box(mode, x, y, w, h) {
    if (mode === 'center') return [x - w / 2, y - h / 2, w, h];
    if (mode === 'radius') return [x - w, y - h, 2 * w, 2 * h];
    if (mode === 'corners') return [Math.min(x, w), Math.min(y, h), Math.abs(w - x), Math.abs(h - y)];
    return [x, y, w, h];
  }
  G.rect = function (x, y, w, h, r) {
    if (h === undefined) h = w;
    var b = box(st.rectMode, x, y, w, h);
    call('beginPath');
    if (r) call('roundRect', b[0], b[1], b[2], b[3], Math.min(r, Math.abs(b[2]) / 2, Math.abs(b[3]) / 2));
    else call('rect', b[0], b[1], b[2], b[3]);
    paint();
  };
  G.square = function (x, y, s, r) {
    G.rect(x, y, s, s, r);
  };
  G.ellipse = function (x, y, w, h) {
    if (h === undefined) h = w;
    var b = box(st.ellipseMode, x, y, w, h);
    call('beginPath');
    call(
      'ellipse',
      b[0] + b[2] / 2,
      b[1] + b[3] / 2,
      Math.abs(b[2] / 2),
      Math.abs(b[3] / 2),
      0,
      0,
      2 * Math.PI,
    );
    paint();
  };
  G.circle = function (x, y, d) {
    G.ellipse(x, y, d, d);
  };
  G.arc = function (x, y, w, h, a0, a1, mode) {
    var b = box(st.ellipseMode, x, y, w, h),
      cx = b[0] + b[2] / 2,
      cy = b[1] + b[3] / 2;
    a0 = rad(a0);
    a1 = rad(a1);
    call('beginPath');
    if (mode === 'pie') call('moveTo', cx, cy);
    call('ellipse', cx, cy, Math.abs(b[2] / 2), Math.abs(b[3] / 2), 0, a0, a1);
    if (mode === 'pie' || mode === 'chord') call('closePath');
    if (st.doFill) {
      set('fillStyle', st.fill);
      call('fill');
    }
    if (st.doStroke) {
      set('strokeStyle', st.stroke);
      set('lineWidth', st.weight);
      call('stroke');
    }
  };
  G.line = function (x1, y1, x2, y2) {
    if (!st.doStroke) return;
    call('beginPath');
    call('moveTo', x1, y1);
    call('lineTo', x2, y2);
    set('strokeStyle', st.stroke);
    set('lineWidth', st.weight);
    call('stroke');
  };
  G.point = function (x, y) {
    if (x && typeof x === 'object') {
      y = x.y;
      x = x.x;
    }
    if (!st.doStroke) return;
    call('beginPath');
    call('arc', x, y, Math.max(st.weight, 1) / 2, 0, 2 * Math.PI);
    set('fillStyle', st.stroke);
    call('fill');
  };
  function poly(pts, close) {
    call('beginPath');
    call('moveTo', pts[0], pts[1]);
    for (var i = 2; i < pts.length; i += 2) call('lineTo', pts[i], pts[i + 1]);
    if (close) call('closePath');
    paint();
  }
  G.triangle = function (a, b, c, d, e, f) {
    poly([a, b, c, d, e, f], true);
  };
  G.quad = function (a, b, c, d, e, f, g, h) {
    poly([a, b, c, d, e, f, g, h], true);
  };
  G.bezier = function (x1, y1, x2, y2, x3, y3, x4, y4) {
    call('beginPath');
    call('moveTo', x1, y1);
    call('bezierCurveTo', x2, y2, x3, y3, x4, y4);
    paint();
  };
  G.curve = function (x0, y0, x1, y1, x2, y2, x3, y3) {
    call('beginPath');
    call('moveTo', x1, y1);
    call(
      'bezierCurveTo',
      x1 + (x2 - x0) / 6,
      y1 + (y2 - y0) / 6,
      x2 - (x3 - x1) / 6,
      y2 - (y3 - y1) / 6,
      x2,
      y2,
    );
    paint();
  };
  var shape = null;
  G.beginShape = function (kind) {
    shape = { kind: kind, v: [], contours: [] };
  };
  G.vertex = function (x, y) {
    if (shape) shape.v.push({ t: 'v', x: x, y: y });
  };
  G.curveVertex = function (x, y) {
    if (shape) shape.v.push({ t: 'c', x: x, y: y });
  };
  G.bezierVertex = function (a, b, c, d, e, f) {
    if (shape) shape.v.push({ t: 'b', a: [a, b, c, d, e, f] });
  };
  G.quadraticVertex = function (a, b, c, d) {
    if (shape) shape.v.push({ t: 'q', a: [a, b, c, d] });
  };
  G.beginContour = function () {
    if (shape) {
      shape.contours.push(shape.v);
      shape.v = [];
    }
  };
  G.endContour = function () {};
  function tracePath(v) {
    var curve = v.filter(function (p) {
      return p.t === 'c';
    });
    if (curve.length === v.length && v.length >= 4) {
      call('moveTo', v[1].x, v[1].y);
      for (var i = 1; i + 2 < v.length; i++) {
        var p0 = v[i - 1],
          p1 = v[i],
          p2 = v[i + 1],
          p3 = v[i + 2];
        call(
          'bezierCurveTo',
          p1.x + (p2.x - p0.x) / 6,
          p1.y + (p2.y - p0.y) / 6,
          p2.x - (p3.x - p1.x) / 6,
          p2.y - (p3.y - p1.y) / 6,
          p2.x,
          p2.y,
        );
      }
      return;
    }
    v.forEach(function (p, i) {
      if (p.t === 'b') call('bezierCurveTo', p.a[0], p.a[1], p.a[2], p.a[3], p.a[4], p.a[5]);
      else if (p.t === 'q') call('quadraticCurveTo', p.a[0], p.a[1], p.a[2], p.a[3]);
      else call(i === 0 ? 'moveTo' : 'lineTo', p.x, p.y);
    });
  }
  function groups(v, n, strip) {
    var out = [];
    if (strip) {
      for (var i = 0; i + n <= v.length; i += n - 2 || 1) out.push(v.slice(i, i + n));
      return out;
    }
    for (var j = 0; j + n <= v.length; j += n) out.push(v.slice(j, j + n));
    return out;
  }
  G.endShape = function (mode) {
    if (!shape) return;
    var s = shape,
      v = s.v;
    shape = null;
    if (s.kind === 'points') {
      v.forEach(function (p) {
        G.point(p.x, p.y);
      });
      return;
    }
    if (s.kind === 'lines') {
      groups(v, 2).forEach(function (g) {
        G.line(g[0].x, g[0].y, g[1].x, g[1].y);
      });
      return;
    }
    var size = s.kind === 'triangles' ? 3 : s.kind === 'quads' ? 4 : 0;
    if (size) {
      groups(v, size).forEach(function (g) {
        call('beginPath');
        tracePath(g);
        call('closePath');
        paint();
      });
      return;
    }
    if (s.kind === 'triangle_strip') {
      for (var i = 0; i + 2 < v.length; i++) {
        call('beginPath');
        tracePath(v.slice(i, i + 3));
        call('closePath');
        paint();
      }
      return;
    }
    if (s.kind === 'triangle_fan') {
      for (var k = 1; k + 1 < v.length; k++) {
        call('beginPath');
        tracePath([v[0], v[k], v[k + 1]]);
        call('closePath');
        paint();
      }
      return;
    }
    if (s.kind === 'quad_strip') {
      for (var q = 0; q + 3 < v.length; q += 2) {
        call('beginPath');
        tracePath([v[q], v[q + 1], v[q + 3], v[q + 2]]);
        call('closePath');
        paint();
      }
      return;
    }
    if (v.length === 0 && s.contours.length === 0) return;
    call('beginPath');
    s.contours.concat([v]).forEach(function (c) {
      if (c.length) {
        tracePath(c);
        if (mode === 'close' || s.contours.length) call('closePath');
      }
    });
    if (st.doFill) {
      set('fillStyle', st.fill);
      call('fill', 'evenodd');
    }
    if (st.doStroke) {
      set('strokeStyle', st.stroke);
      set('lineWidth', st.weight);
      call('stroke');
    }
  };
  function font() {
    set('font', (st.textStyle === 'normal' ? '' : st.textStyle + ' ') + st.textSize + 'px DejaVu Sans');
  }
  G.textSize = function (s) {
    if (s === undefined) return st.textSize;
    st.textSize = s;
    st.leading = s * 1.25;
  };
  G.textAlign = function (x, y) {
    st.alignX = x;
    if (y) st.alignY = y === 'center' ? 'middle' : y;
  };
  G.textStyle = function (s) {
    st.textStyle = s;
  };
  G.textFont = function () {};
  G.textLeading = function (l) {
    st.leading = l;
  };
  G.textWidth = function (s) {
    return String(s).length * st.textSize * 0.55;
  };
  G.textAscent = function () {
    return st.textSize * 0.8;
  };
  G.textDescent = function () {
    return st.textSize * 0.2;
  };
  G.text = function (s, x, y) {
    font();
    set('textAlign', st.alignX);
    set('textBaseline', st.alignY);
    String(s)
      .split('\n')
      .forEach(function (line, i) {
        if (st.doFill) {
          set('fillStyle', st.fill);
          call('fillText', line, x, y + i * st.leading);
        }
      });
  };
})(globalThis);
// `drawingContext` (the raw canvas 2D context in p5): common calls recorded, the rest ignored.
(function (G) {
  var call = G.__vc_call,
    set = G.__vc_set,
    dc = {};
  [
    'setLineDash',
    'save',
    'restore',
    'beginPath',
    'moveTo',
    'lineTo',
    'arc',
    'fill',
    'stroke',
    'closePath',
    'rect',
    'fillRect',
  ].forEach(function (m) {
    dc[m] = function () {
      call.apply(null, [m].concat(Array.prototype.slice.call(arguments)));
    };
  });
  ['fillStyle', 'strokeStyle', 'lineWidth', 'globalAlpha', 'lineDashOffset'].forEach(function (p) {
    Object.defineProperty(dc, p, {
      set: function (v) {
        set(p, typeof v === 'object' ? String(v) : v);
      },
      get: function () {
        return undefined;
      },
    });
  });
  dc.createLinearGradient = function () {
    return { addColorStop: function () {} };
  };
  dc.createRadialGradient = dc.createLinearGradient;
  G.drawingContext = dc;
})(globalThis);
