/* global __vc */
// WEBGL mode of the p5 shim: 3D primitives become flat-shaded polygons, projected with p5's default
// perspective camera (or ortho()/camera()/perspective()), depth-sorted (painter's algorithm) and
// back-face culled, then recorded as 2D path operations when the frame ends. An approximation of
// p5's renderer: no depth buffer (intersecting faces may sort wrongly), no textures, no specular.
(function (G) {
  var call = G.__vc_call,
    set = G.__vc_set,
    st = G.__vc_state;
  var faces = [],
    M = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
    stack = [];
  var cam = null,
    proj = { ortho: null, fovy: Math.PI / 3 };
  var light = { on: false, ambient: [0, 0, 0], dirs: [], points: [], normal: false };
  function mul(a, b) {
    // a·b, 4x4 row-major
    var r = [];
    for (var i = 0; i < 4; i++)
      for (var j = 0; j < 4; j++) {
        var s = 0;
        for (var k = 0; k < 4; k++) s += a[i * 4 + k] * b[k * 4 + j];
        r.push(s);
      }
    return r;
  }
  function apply(m) {
    M = mul(M, m);
  }
  function tp(p) {
    return [
      M[0] * p[0] + M[1] * p[1] + M[2] * p[2] + M[3],
      M[4] * p[0] + M[5] * p[1] + M[6] * p[2] + M[7],
      M[8] * p[0] + M[9] * p[1] + M[10] * p[2] + M[11],
    ];
  }
  function tn(n) {
    var v = [
      M[0] * n[0] + M[1] * n[1] + M[2] * n[2],
      M[4] * n[0] + M[5] * n[1] + M[6] * n[2],
      M[8] * n[0] + M[9] * n[1] + M[10] * n[2],
    ];
    return norm(v);
  }
  function norm(v) {
    var l = Math.hypot(v[0], v[1], v[2]) || 1;
    return [v[0] / l, v[1] / l, v[2] / l];
  }
  function sub(a, b) {
    return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
  }
  function dot(a, b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }
  function cross(a, b) {
    return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
  }
  // p5 WEBGL puts the world origin at the canvas centre; Processing P3D at its top-left corner.
  var frame = { topLeft: false };
  function camera() {
    if (cam) return cam;
    var d = __vc.h / 2 / Math.tan(Math.PI / 6),
      x = frame.topLeft ? __vc.w / 2 : 0,
      y = frame.topLeft ? __vc.h / 2 : 0;
    return { eye: [x, y, d], center: [x, y, 0], up: [0, 1, 0] };
  }
  function view(p) {
    var c = camera(),
      z = norm(sub(c.eye, c.center)),
      x = norm(cross(c.up, z)),
      y = cross(z, x),
      q = sub(p, c.eye);
    return [dot(q, x), dot(q, y), dot(q, z)];
  }
  function project(v) {
    var w = __vc.w,
      h = __vc.h;
    if (proj.ortho) {
      var o = proj.ortho;
      return [
        w / 2 + ((v[0] - (o[0] + o[1]) / 2) * w) / (o[1] - o[0]),
        h / 2 + ((v[1] - (o[2] + o[3]) / 2) * h) / (o[3] - o[2]),
      ];
    }
    var f = h / 2 / Math.tan(proj.fovy / 2),
      depth = Math.max(-v[2], 1e-3);
    return [w / 2 + (v[0] * f) / depth, h / 2 + (v[1] * f) / depth];
  }
  function rgba(c) {
    return /rgba\(([^)]*)\)/.exec(c)[1].split(',').map(Number);
  }
  function shade(n, centre) {
    var c = rgba(st.fill);
    if (light.normal)
      return (
        'rgba(' +
        Math.round((n[0] * 0.5 + 0.5) * 255) +
        ',' +
        Math.round((n[1] * 0.5 + 0.5) * 255) +
        ',' +
        Math.round((n[2] * 0.5 + 0.5) * 255) +
        ',1)'
      );
    if (!light.on) return st.fill;
    var k = light.ambient.slice();
    light.dirs.forEach(function (l) {
      var d = Math.max(0, -dot(n, l.dir));
      for (var i = 0; i < 3; i++) k[i] += l.c[i] * d;
    });
    light.points.forEach(function (l) {
      var d = Math.max(0, dot(n, norm(sub(l.pos, centre))));
      for (var i = 0; i < 3; i++) k[i] += l.c[i] * d;
    });
    return (
      'rgba(' +
      [0, 1, 2]
        .map(function (i) {
          return Math.round(Math.min(255, c[i] * Math.min(k[i], 1.5)));
        })
        .join(',') +
      ',' +
      c[3] +
      ')'
    );
  }
  // A face: model-space points and an outward model-space normal (null: two-sided, never culled).
  function face(pts, normal) {
    var world = pts.map(tp),
      vs = world.map(view),
      centre = [0, 0, 0];
    world.forEach(function (p) {
      for (var i = 0; i < 3; i++) centre[i] += p[i] / world.length;
    });
    var n = normal ? tn(normal) : null;
    if (n) {
      var c = camera(),
        toEye = proj.ortho ? norm(sub(c.eye, c.center)) : norm(sub(c.eye, centre));
      if (dot(n, toEye) < -1e-6) return;
    } else n = tn([0, 0, 1]);
    if (
      !proj.ortho &&
      vs.some(function (v) {
        return v[2] > -1;
      })
    )
      return;
    var depth =
      vs.reduce(function (s, v) {
        return s + v[2];
      }, 0) / vs.length;
    faces.push({
      pts: vs.map(project),
      depth: depth,
      order: faces.length,
      fill: st.doFill ? shade(n, centre) : null,
      stroke: st.doStroke ? st.stroke : null,
      weight: st.weight,
    });
    if (faces.length > 50000) throw new Error('VC_OPS_LIMIT');
  }
  G.__vc_flush3d = function () {
    faces.sort(function (a, b) {
      return a.depth - b.depth || a.order - b.order;
    });
    faces.forEach(function (f) {
      call('beginPath');
      call('moveTo', f.pts[0][0], f.pts[0][1]);
      for (var i = 1; i < f.pts.length; i++) call('lineTo', f.pts[i][0], f.pts[i][1]);
      call('closePath');
      if (f.fill) {
        set('fillStyle', f.fill);
        call('fill');
      }
      if (f.stroke) {
        set('strokeStyle', f.stroke);
        set('lineWidth', f.weight);
        call('stroke');
      }
    });
    faces = [];
  };
  G.__vc_face = face;
  G.__vc_webgl = {
    apply: apply,
    get: function () {
      return M;
    },
    set: function (m) {
      M = m;
    },
    stack: stack,
    camera: function (c) {
      cam = c;
    },
    proj: proj,
    light: light,
    frame: frame,
  };
})(globalThis);
