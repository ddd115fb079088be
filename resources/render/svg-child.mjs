// Rasterises sanitized SVG with resvg in a dedicated child process (cwd: a throw-away folder).
// The parent kills this process on its deadline: native renders cannot be interrupted.
import { Resvg } from '@resvg/resvg-js';

process.on('message', (request) => {
  const { id, svg, size, fontFiles } = request;
  try {
    const options = {
      background: 'white',
      font: {
        loadSystemFonts: false,
        fontFiles,
        defaultFontFamily: 'DejaVu Sans',
        sansSerifFamily: 'DejaVu Sans',
        serifFamily: 'DejaVu Sans',
        monospaceFamily: 'DejaVu Sans',
      },
      imageRendering: 0,
      shapeRendering: 2,
      textRendering: 1,
      logLevel: 'off',
    };
    const probe = new Resvg(svg, options);
    const landscape = probe.width >= probe.height;
    const resvg = new Resvg(svg, {
      ...options,
      fitTo: { mode: landscape ? 'width' : 'height', value: size },
    });
    const image = resvg.render();
    const png = image.asPng();
    process.send({ id, ok: true, png, width: image.width, height: image.height });
  } catch (error) {
    process.send({ id, ok: false, error: String(error?.message ?? error) });
  }
});
