/* global __vc */
// The p5 WEBGL scene API: lights, materials, camera and projection; 2D shapes drawn in WEBGL mode
// become polygons in the z = 0 plane of the current transform.
(function (G) {
  var W = G.__vc_webgl,
    face = G.__vc_face,
    st = G.__vc_state,
    rad = G.__vc_rad,
    color = G.__vc_color,
    wrap = G.__vc_wrap3d;
  function levels(args) {
    var l = color(args).levels;
    return [l[0] / 255, l[1] / 255, l[2] / 255];
  }
  G.ambientLight = function () {
    var c = levels(arguments);
    W.light.on = true;
    for (var i = 0; i < 3; i++) W.light.ambient[i] += c[i];
  };
  G.directionalLight = function () {
    var a = Array.prototype.slice.call(arguments),
      last = a[a.length - 1],
      dir;
    if (last && typeof last === 'object' && last.x !== undefined) {
      dir = [last.x, last.y, last.z];
      a.pop();
    } else dir = a.splice(a.length - 3, 3);
    W.light.on = true;
    W.light.dirs.push({
      c: levels(a),
      dir: (function (v) {
        var l = Math.hypot(v[0], v[1], v[2]) || 1;
        return [v[0] / l, v[1] / l, v[2] / l];
      })(dir),
    });
  };
  G.pointLight = function () {
    var a = Array.prototype.slice.call(arguments),
      last = a[a.length - 1],
      pos;
    if (last && typeof last === 'object' && last.x !== undefined) {
      pos = [last.x, last.y, last.z];
      a.pop();
    } else pos = a.splice(a.length - 3, 3);
    W.light.on = true;
    W.light.points.push({ c: levels(a), pos: pos });
  };
  G.lights = function () {
    G.ambientLight(128);
    G.directionalLight(128, 128, 128, 0, 0, -1);
  };
  G.noLights = function () {
    W.light.on = false;
    W.light.ambient = [0, 0, 0];
    W.light.dirs = [];
    W.light.points = [];
  };
  G.normalMaterial = function () {
    W.light.normal = true;
    st.doFill = true;
  };
  G.ambientMaterial =
    G.specularMaterial =
    G.emissiveMaterial =
      function () {
        W.light.normal = false;
        G.fill.apply(null, arguments);
      };
  [
    'shininess',
    'specularColor',
    'texture',
    'textureMode',
    'orbitControl',
    'debugMode',
    'noDebugMode',
    'spotLight',
    'lightFalloff',
    'setAttributes',
  ].forEach(function (n) {
    G[n] = function () {};
  });
  G.camera = function (ex, ey, ez, cx, cy, cz, ux, uy, uz) {
    if (ex === undefined) return W.camera(null);
    W.camera({
      eye: [ex, ey, ez],
      center: [cx || 0, cy || 0, cz || 0],
      up: [ux || 0, uy === undefined ? 1 : uy, uz || 0],
    });
  };
  G.perspective = function (fovy) {
    W.proj.ortho = null;
    if (fovy) W.proj.fovy = fovy;
  };
  G.ortho = function (l, r, b, t) {
    W.proj.ortho = l === undefined ? [-__vc.w / 2, __vc.w / 2, -__vc.h / 2, __vc.h / 2] : [l, r, b, t];
  };
  function polygon(pts) {
    face(
      pts.map(function (p) {
        return [p[0], p[1], p[2] || 0];
      }),
      null,
    );
  }
  function ring(cx, cy, rx, ry, a0, a1, n) {
    var pts = [];
    for (var i = 0; i <= n; i++) {
      var t = a0 + ((a1 - a0) * i) / n;
      pts.push([cx + Math.cos(t) * rx, cy + Math.sin(t) * ry]);
    }
    return pts;
  }
  wrap('rect', function (x, y, w, h) {
    if (h === undefined) h = w;
    if (st.rectMode === 'center') {
      x -= w / 2;
      y -= h / 2;
    }
    polygon([
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
    ]);
  });
  wrap('ellipse', function (x, y, w, h) {
    if (h === undefined) h = w;
    polygon(ring(x, y, w / 2, h / 2, 0, 2 * Math.PI, 36).slice(0, 36));
  });
  wrap('circle', function (x, y, d) {
    G.ellipse(x, y, d, d);
  });
  wrap('arc', function (x, y, w, h, a0, a1) {
    polygon([[x, y]].concat(ring(x, y, w / 2, h / 2, rad(a0), rad(a1), 24)));
  });
  wrap('triangle', function (a, b, c, d, e, f) {
    polygon([
      [a, b],
      [c, d],
      [e, f],
    ]);
  });
  wrap('quad', function (a, b, c, d, e, f, g, h) {
    polygon([
      [a, b],
      [c, d],
      [e, f],
      [g, h],
    ]);
  });
  wrap('line', function () {
    var a = arguments,
      p =
        a.length >= 6
          ? [
              [a[0], a[1], a[2]],
              [a[3], a[4], a[5]],
            ]
          : [
              [a[0], a[1], 0],
              [a[2], a[3], 0],
            ];
    var keep = st.doFill;
    st.doFill = false;
    face(p, null);
    st.doFill = keep;
  });
  var shape = null;
  wrap('beginShape', function () {
    shape = [];
  });
  wrap('vertex', function (x, y, z) {
    if (shape) shape.push([x, y, z || 0]);
  });
  wrap('endShape', function () {
    if (shape && shape.length >= 2) polygon(shape);
    shape = null;
  });
})(globalThis);
