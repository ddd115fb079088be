"""Matplotlib side of a job: neutralise blocking calls, pick the figure to keep, save it as an RGB
PNG whose long side is exactly `size` pixels, alpha flattened onto white."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from PIL import Image  # noqa: E402

_closed = []


def neutralise_blocking_calls():
    """plt.show/pause/ion are no-ops; plt.close remembers the active figure so it can still be saved."""
    original_close = plt.close

    def close(*args, **kwargs):
        if plt.get_fignums():
            _closed.append(plt.gcf())
        return original_close(*args, **kwargs)

    plt.show = lambda *args, **kwargs: None
    plt.pause = lambda *args, **kwargs: None
    plt.close = close
    matplotlib.figure.Figure.show = lambda *args, **kwargs: None


def last_figure():
    """The last active figure: the current one if any is open, else the last one closed."""
    if plt.get_fignums():
        return plt.gcf()
    return _closed[-1] if _closed else None


def save_png(fig, size, path):
    """Draws `fig` with its long side at `size` px and writes an RGB PNG; returns (width, height)."""
    width_in, height_in = fig.get_size_inches()
    if not (width_in > 0 and height_in > 0):
        raise ValueError("the figure has no size")
    dpi = size / max(width_in, height_in) * (1 + 1e-9)
    if min(width_in, height_in) * dpi < 1:
        raise ValueError("the figure's aspect ratio is too extreme to draw")
    canvas = FigureCanvasAgg(fig)
    fig.set_dpi(dpi)
    canvas.draw()
    rgba = numpy.asarray(canvas.buffer_rgba()).astype(numpy.float32)
    alpha = rgba[..., 3:4] / 255.0
    rgb = numpy.round(rgba[..., :3] * alpha + 255.0 * (1.0 - alpha)).astype(numpy.uint8)
    Image.fromarray(rgb, "RGB").save(path, format="PNG")
    return int(rgb.shape[1]), int(rgb.shape[0])
