"""Draws a turtle recording with matplotlib: one axes covering the window, 1 unit = 1 pixel at
100 dpi, Tk's round caps and joins, fills beneath the lines drawn while filling."""
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Circle, Polygon  # noqa: E402

PT_PER_PX = 72.0 / 100.0
SHAPES = {
    "classic": ((0, 0), (-5, -9), (0, -7), (5, -9)),
    "arrow": ((-10, 0), (10, 0), (0, 10)),
    "triangle": ((10, -5.77), (0, 11.55), (-10, -5.77)),
    "square": ((10, -10), (10, 10), (-10, 10), (-10, -10)),
    "turtle": ((0, 16), (-2, 14), (-1, 10), (-4, 7), (-7, 9), (-9, 8), (-6, 5), (-7, 1), (-5, -3), (-8, -6),
               (-6, -8), (-4, -5), (0, -7), (4, -5), (6, -8), (8, -6), (5, -3), (7, 1), (6, 5), (9, 8), (7, 9),
               (4, 7), (1, 10), (2, 14)),
}


def draw(screen, default_window):
    width, height = screen.window or default_window
    fig = plt.figure(figsize=(width / 100.0, height / 100.0), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(-width / 2.0, width / 2.0)
    ax.set_ylim(-height / 2.0, height / 2.0)
    ax.set_axis_off()
    fig.patch.set_facecolor(screen.background)
    for z, (kind, data, _owner) in enumerate(screen.items):
        DRAW[kind](ax, data, z)
    for z, turtle in enumerate(screen.turtle_list, start=len(screen.items)):
        if turtle._visible:
            draw_shape(ax, turtle._x, turtle._y, turtle._heading, turtle._pen, turtle._fill, turtle._shape,
                       turtle._stretch, z)
    return fig


def draw_line(ax, data, z):
    xs, ys = zip(*data["points"])
    ax.plot(xs, ys, color=data["color"], linewidth=max(data["width"], 1.0) * PT_PER_PX,
            solid_capstyle="round", solid_joinstyle="round", zorder=z)


def draw_fill(ax, data, z):
    ax.add_patch(Polygon(data["points"], closed=True, facecolor=data["color"], edgecolor="none", zorder=z))


def draw_dot(ax, data, z):
    ax.add_patch(Circle((data["x"], data["y"]), data["size"] / 2.0, facecolor=data["color"], edgecolor="none",
                        zorder=z))


def draw_text(ax, data, z):
    font = tuple(data["font"]) + ("Arial", 8, "normal")[len(tuple(data["font"])):]
    style = str(font[2]).lower()
    ax.text(data["x"], data["y"], data["text"], color=data["color"], ha={"center": "center", "right": "right"}.get(
        data["align"], "left"), va="baseline", fontsize=float(font[1]), family="DejaVu Sans",
        fontweight="bold" if "bold" in style else "normal", fontstyle="italic" if "italic" in style else "normal",
        zorder=z)


def draw_stamp(ax, data, z):
    draw_shape(ax, data["x"], data["y"], data["heading"], data["color"], data["fill"], data["shape"], data["stretch"], z)


def draw_shape(ax, x, y, heading, pen, fill, shape, stretch, z):
    if shape == "circle":
        ax.add_patch(Circle((x, y), 10 * stretch, facecolor=fill, edgecolor=pen, zorder=z))
        return
    angle = math.radians(heading - 90.0)
    cos, sin = math.cos(angle), math.sin(angle)
    points = [(x + stretch * (px * cos - py * sin), y + stretch * (px * sin + py * cos))
              for px, py in SHAPES.get(shape, SHAPES["classic"])]
    ax.add_patch(Polygon(points, closed=True, facecolor=fill, edgecolor=pen, linewidth=PT_PER_PX, zorder=z))


DRAW = {"line": draw_line, "fill": draw_fill, "dot": draw_dot, "text": draw_text, "stamp": draw_stamp}
