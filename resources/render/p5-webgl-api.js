/* global __vc */
// The p5 WEBGL API on top of p5-webgl.js: transforms and 3D primitives (lights, camera and 2D
// shapes in WEBGL mode are in p5-webgl-scene.js).
(function (G) {
  var W = G.__vc_webgl,
    face = G.__vc_face,
    rad = G.__vc_rad;
  var on = function () {
    return __vc.webgl;
  };
  function rot(axis, a) {
    var c = Math.cos(a),
      s = Math.sin(a);
    if (axis === 'x') return [1, 0, 0, 0, 0, c, -s, 0, 0, s, c, 0, 0, 0, 0, 1];
    if (axis === 'y') return [c, 0, s, 0, 0, 1, 0, 0, -s, 0, c, 0, 0, 0, 0, 1];
    return [c, -s, 0, 0, s, c, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
  }
  function wrap(name, webgl) {
    var flat = G[name];
    G[name] = function () {
      return on() ? webgl.apply(null, arguments) : flat.apply(null, arguments);
    };
  }
  wrap('translate', function (x, y, z) {
    if (x && typeof x === 'object') {
      z = x.z;
      y = x.y;
      x = x.x;
    }
    W.apply([1, 0, 0, x || 0, 0, 1, 0, y || 0, 0, 0, 1, z || 0, 0, 0, 0, 1]);
  });
  wrap('rotate', function (a, axis) {
    if (axis && (axis.x !== undefined || Array.isArray(axis))) {
      var v = Array.isArray(axis) ? axis : [axis.x, axis.y, axis.z],
        l = Math.hypot(v[0], v[1], v[2]) || 1,
        x = v[0] / l,
        y = v[1] / l,
        z = v[2] / l;
      var t = rad(a),
        c = Math.cos(t),
        s = Math.sin(t),
        C = 1 - c;
      return W.apply([
        x * x * C + c,
        x * y * C - z * s,
        x * z * C + y * s,
        0,
        y * x * C + z * s,
        y * y * C + c,
        y * z * C - x * s,
        0,
        z * x * C - y * s,
        z * y * C + x * s,
        z * z * C + c,
        0,
        0,
        0,
        0,
        1,
      ]);
    }
    W.apply(rot('z', rad(a)));
  });
  G.rotateX = function (a) {
    if (on()) W.apply(rot('x', rad(a)));
  };
  G.rotateY = function (a) {
    if (on()) W.apply(rot('y', rad(a)));
  };
  G.rotateZ = function (a) {
    if (on()) W.apply(rot('z', rad(a)));
    else G.rotate(a);
  };
  wrap('scale', function (x, y, z) {
    if (y === undefined) {
      y = x;
      z = x;
    }
    W.apply([x, 0, 0, 0, 0, y, 0, 0, 0, 0, z === undefined ? 1 : z, 0, 0, 0, 0, 1]);
  });
  wrap('resetMatrix', function () {
    W.set([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  });
  var push = G.push,
    pop = G.pop;
  G.push = function () {
    W.stack.push(W.get());
    push();
  };
  G.pop = function () {
    if (W.stack.length) W.set(W.stack.pop());
    pop();
  };
  function grid(nu, nv, at, normalAt) {
    // quads over (u, v) in [0,1]²
    for (var i = 0; i < nu; i++)
      for (var j = 0; j < nv; j++) {
        var u0 = i / nu,
          u1 = (i + 1) / nu,
          v0 = j / nv,
          v1 = (j + 1) / nv;
        face([at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)], normalAt((u0 + u1) / 2, (v0 + v1) / 2));
      }
  }
  G.box = function (w, h, d) {
    w = w === undefined ? 50 : w;
    h = h === undefined ? w : h;
    d = d === undefined ? h : d;
    var x = w / 2,
      y = h / 2,
      z = d / 2;
    face(
      [
        [-x, -y, z],
        [x, -y, z],
        [x, y, z],
        [-x, y, z],
      ],
      [0, 0, 1],
    );
    face(
      [
        [x, -y, -z],
        [-x, -y, -z],
        [-x, y, -z],
        [x, y, -z],
      ],
      [0, 0, -1],
    );
    face(
      [
        [-x, -y, -z],
        [x, -y, -z],
        [x, -y, z],
        [-x, -y, z],
      ],
      [0, -1, 0],
    );
    face(
      [
        [-x, y, z],
        [x, y, z],
        [x, y, -z],
        [-x, y, -z],
      ],
      [0, 1, 0],
    );
    face(
      [
        [x, -y, z],
        [x, -y, -z],
        [x, y, -z],
        [x, y, z],
      ],
      [1, 0, 0],
    );
    face(
      [
        [-x, -y, -z],
        [-x, -y, z],
        [-x, y, z],
        [-x, y, -z],
      ],
      [-1, 0, 0],
    );
  };
  G.ellipsoid = function (rx, ry, rz, dx, dy) {
    rx = rx === undefined ? 50 : rx;
    ry = ry === undefined ? rx : ry;
    rz = rz === undefined ? rx : rz;
    var dir = function (u, v) {
      var t = u * 2 * Math.PI,
        p = v * Math.PI;
      return [Math.sin(p) * Math.sin(t), -Math.cos(p), Math.sin(p) * Math.cos(t)];
    };
    grid(
      Math.min(dx || 24, 48),
      Math.min(dy || 16, 32),
      function (u, v) {
        var d = dir(u, v);
        return [d[0] * rx, d[1] * ry, d[2] * rz];
      },
      function (u, v) {
        var d = dir(u, v);
        return [d[0] / rx, d[1] / ry, d[2] / rz];
      },
    );
  };
  G.sphere = function (r, dx, dy) {
    G.ellipsoid(r === undefined ? 50 : r, r, r, dx, dy);
  };
  function cap(r, y, n, up, detail) {
    var pts = [];
    for (var i = 0; i < detail; i++) {
      var t = (((up ? -1 : 1) * i) / detail) * 2 * Math.PI;
      pts.push([Math.sin(t) * r, y, Math.cos(t) * r]);
    }
    face(pts, [0, up ? -1 : 1, 0]);
  }
  G.cylinder = function (r, h, detail, dy, bottom, top) {
    r = r === undefined ? 50 : r;
    h = h === undefined ? r : h;
    detail = Math.min(detail || 24, 64);
    grid(
      detail,
      1,
      function (u, v) {
        var t = u * 2 * Math.PI;
        return [Math.sin(t) * r, -h / 2 + v * h, Math.cos(t) * r];
      },
      function (u) {
        var t = u * 2 * Math.PI;
        return [Math.sin(t), 0, Math.cos(t)];
      },
    );
    if (bottom !== false) cap(r, h / 2, detail, false, detail);
    if (top !== false) cap(r, -h / 2, detail, true, detail);
  };
  G.cone = function (r, h, detail, dy, capped) {
    r = r === undefined ? 50 : r;
    h = h === undefined ? r : h;
    detail = Math.min(detail || 24, 64);
    for (var i = 0; i < detail; i++) {
      var t0 = (i / detail) * 2 * Math.PI,
        t1 = ((i + 1) / detail) * 2 * Math.PI,
        tm = (t0 + t1) / 2;
      face(
        [
          [0, -h / 2, 0],
          [Math.sin(t0) * r, h / 2, Math.cos(t0) * r],
          [Math.sin(t1) * r, h / 2, Math.cos(t1) * r],
        ],
        [Math.sin(tm) * h, r, Math.cos(tm) * h],
      );
    }
    if (capped !== false) cap(r, h / 2, detail, false, detail);
  };
  G.torus = function (r, tr, dx, dy) {
    r = r === undefined ? 50 : r;
    tr = tr === undefined ? r / 10 : tr;
    var at = function (u, v) {
      var a = u * 2 * Math.PI,
        b = v * 2 * Math.PI,
        k = r + tr * Math.cos(b);
      return [k * Math.cos(a), tr * Math.sin(b), k * Math.sin(a)];
    };
    grid(Math.min(dx || 24, 48), Math.min(dy || 16, 32), at, function (u, v) {
      var a = u * 2 * Math.PI,
        b = v * 2 * Math.PI;
      return [Math.cos(b) * Math.cos(a), Math.sin(b), Math.cos(b) * Math.sin(a)];
    });
  };
  G.plane = function (w, h) {
    w = w === undefined ? 50 : w;
    h = h === undefined ? w : h;
    face(
      [
        [-w / 2, -h / 2, 0],
        [w / 2, -h / 2, 0],
        [w / 2, h / 2, 0],
        [-w / 2, h / 2, 0],
      ],
      null,
    );
  };
  G.__vc_wrap3d = wrap;
})(globalThis);
