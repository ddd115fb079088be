/* global __vc */
// Processing P3D / OPENGL on the p5 WEBGL scene recorder (p5-webgl*.js, loaded after this file):
// size(w, h, P3D) keeps processing-js on its 2D canvas (it would ask for a WebGL context) and
// rebinds the sketch's 3D calls to the scene, whose origin is moved to the top-left corner as in
// Processing. This part gives the scene the hooks the p5 shim would give it; __vc_p3d binds them.
(function (G) {
  var noop = function () {};
  var st = { fill: 'rgba(255,255,255,1)', stroke: 'rgba(0,0,0,1)', doFill: true, doStroke: true, weight: 1 };
  var P = null;
  function op(a) {
    if (__vc.ops.length >= __vc.limit) throw new Error('VC_OPS_LIMIT');
    __vc.ops.push(a);
  }
  G.__vc_call = function (m) {
    op(['c', m].concat(Array.prototype.slice.call(arguments, 1)));
  };
  G.__vc_set = function (k, v) {
    op(['s', k, v]);
  };
  G.__vc_state = st;
  // Processing angles are radians; colours go through the sketch's own color() (colorMode).
  G.__vc_rad = function (a) {
    return a;
  };
  G.__vc_color = function (args) {
    var c = P.color.apply(P, Array.prototype.slice.call(args, 0, 4));
    return { levels: P.color.toArray(c) };
  };
  // The scene wraps these "flat" versions; in a Processing sketch only the 3D side is ever called.
  ['translate', 'rotate', 'scale', 'resetMatrix', 'push', 'pop', 'rect', 'ellipse', 'circle', 'arc'].forEach(
    function (n) {
      G[n] = noop;
    },
  );
  ['triangle', 'quad', 'line', 'beginShape', 'vertex', 'endShape', 'fill'].forEach(function (n) {
    G[n] = noop;
  });
  __vc.webgl = false;

  // Calls that keep processing-js's own state (text, pushStyle) and mirror it into the scene's.
  function mirror(p, name, after) {
    var own = p[name];
    p[name] = function () {
      var r = own.apply(p, arguments);
      after.apply(null, arguments);
      return r;
    };
  }
  function bindStyle(p) {
    mirror(p, 'fill', function () {
      st.doFill = true;
      st.fill = p.color.toString(p.color.apply(p, arguments));
    });
    mirror(p, 'stroke', function () {
      st.doStroke = true;
      st.stroke = p.color.toString(p.color.apply(p, arguments));
    });
    mirror(p, 'noFill', function () {
      st.doFill = false;
    });
    mirror(p, 'noStroke', function () {
      st.doStroke = false;
    });
    mirror(p, 'strokeWeight', function (w) {
      st.weight = w;
    });
    mirror(p, 'rectMode', function (m) {
      st.rectMode = m === p.CENTER ? 'center' : 'corner';
    });
    var saved = [];
    mirror(p, 'pushStyle', function () {
      saved.push(JSON.stringify(st));
    });
    mirror(p, 'popStyle', function () {
      if (saved.length) Object.assign(st, JSON.parse(saved.pop()));
    });
  }
  function bindScene(p) {
    var W = G.__vc_webgl,
      ures = 30,
      vres = 30;
    W.frame.topLeft = true;
    ['translate', 'scale', 'resetMatrix', 'rotateX', 'rotateY', 'rotateZ', 'box'].forEach(function (n) {
      p[n] = G[n];
    });
    ['rect', 'ellipse', 'arc', 'triangle', 'quad', 'line', 'beginShape', 'endShape'].forEach(function (n) {
      p[n] = G[n];
    });
    ['ambientLight', 'directionalLight', 'pointLight', 'lights', 'noLights', 'camera', 'ortho'].forEach(
      function (n) {
        p[n] = G[n];
      },
    );
    p.pushMatrix = G.push;
    p.popMatrix = G.pop;
    p.rotate = function (a, x, y, z) {
      G.rotate(a, z === undefined ? undefined : [x, y, z]);
    };
    p.vertex = function (x, y, z) {
      G.vertex(x, y, z);
    };
    p.point = function (x, y, z) {
      G.line(x, y, z || 0, x, y, z || 0);
    };
    p.perspective = function (fovy) {
      G.perspective(fovy);
    };
    p.sphereDetail = function (u, v) {
      ures = Math.max(3, u | 0);
      vres = Math.max(2, (v === undefined ? u : v) | 0);
    };
    p.sphere = function (r) {
      G.sphere(r, ures, vres);
    };
    // Whatever was drawn before background() is covered by it: paint the pending faces first.
    var background = p.background;
    p.background = function () {
      G.__vc_end3d();
      return background.apply(p, arguments);
    };
  }
  /** Makes size(w, h, P3D | OPENGL) of processing instance `p` draw through the 3D scene. */
  G.__vc_p3d = function (p, canvas) {
    P = p;
    var size = p.size;
    p.size = function (w, h, mode) {
      if (mode !== p.P3D && mode !== p.OPENGL) return size.apply(p, arguments);
      size.call(p, w, h);
      __vc.w = canvas.width;
      __vc.h = canvas.height;
      if (__vc.webgl) return;
      __vc.webgl = true;
      bindStyle(p);
      bindScene(p);
    };
  };
  /** Paints the recorded 3D faces over the 2D operations, in canvas pixels. */
  G.__vc_end3d = function () {
    if (!__vc.webgl) return;
    G.__vc_call('save');
    G.__vc_call('setTransform', 1, 0, 0, 1, 0, 0);
    G.__vc_flush3d();
    G.__vc_call('restore');
  };
})(globalThis);
