"""A turtle-compatible module for headless renders (Tk and a display are not available).

It shadows the standard `turtle` (the harness puts this folder first on sys.path), records what the
turtles draw (polylines, fills, dots, text, stamps, background) in the standard turtle's geometry,
and draws the recording with matplotlib at the end. Animation and input calls are no-ops.
"""
import math

WINDOW = (800, 600)  # default window when the program never calls setup()


class TurtleGraphicsError(Exception):
    """Raised for bad arguments, like the standard module."""


class Terminator(Exception):
    """Present for compatibility (raised by the real module when the window closes)."""


class Vec2D(tuple):
    """A 2D vector, as in the standard module."""

    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))

    def __add__(self, other):
        return Vec2D(self[0] + other[0], self[1] + other[1])

    def __sub__(self, other):
        return Vec2D(self[0] - other[0], self[1] - other[1])

    def __abs__(self):
        return math.hypot(self[0], self[1])


def _noop(*args, **kwargs):
    return None


class _Screen:
    def __init__(self):
        self.items = []  # (z, kind, data, owner)
        self.background = "white"
        self.window = None
        self.color_mode = 1.0
        self.turtle_list = []

    def bgcolor(self, *args):
        if not args:
            return self.background
        self.background = _color(args if len(args) == 3 else args[0], self.color_mode)

    def setup(self, width=None, height=None, startx=None, starty=None):
        w = width if width is not None else WINDOW[0]
        h = height if height is not None else WINDOW[1]
        w = w * 1920 if isinstance(w, float) and w <= 1 else w
        h = h * 1080 if isinstance(h, float) and h <= 1 else h
        self.window = (max(1, int(w)), max(1, int(h)))

    def screensize(self, canvwidth=None, canvheight=None, bg=None):
        if bg is not None:
            self.bgcolor(bg)
        return self.window or WINDOW

    def colormode(self, mode=None):
        if mode is None:
            return self.color_mode
        if mode not in (1, 1.0, 255):
            raise TurtleGraphicsError(f"bad color mode {mode}")
        self.color_mode = 255 if mode == 255 else 1.0

    def window_width(self):
        return (self.window or WINDOW)[0]

    def window_height(self):
        return (self.window or WINDOW)[1]

    def turtles(self):
        return list(self.turtle_list)

    def clear(self):
        self.items.clear()

    reset = clearscreen = resetscreen = clear
    tracer = update = delay = title = mainloop = done = exitonclick = bye = listen = _noop
    onclick = onscreenclick = onkey = onkeypress = onkeyrelease = ontimer = onrelease = _noop
    register_shape = addshape = mode = setworldcoordinates = bgpic = _noop

    def getshapes(self):
        return ["arrow", "turtle", "circle", "square", "triangle", "classic"]

    def textinput(self, title, prompt):
        return None

    def numinput(self, title, prompt, default=None, minval=None, maxval=None):
        return default

    def getcanvas(self):
        return self


_screen = _Screen()


def Screen():
    """The one screen (a singleton, as in the standard module)."""
    return _screen


TurtleScreen = _Screen


def _color(value, mode):
    import matplotlib.colors as mcolors

    if isinstance(value, (tuple, list)):
        if len(value) != 3:
            raise TurtleGraphicsError(f"bad color sequence: {value!r}")
        scale = 255.0 if mode == 255 else 1.0
        rgb = tuple(float(c) / scale for c in value)
        if any(c < 0 or c > 1 for c in rgb):
            raise TurtleGraphicsError(f"bad color sequence: {value!r}")
        return rgb
    name = str(value).strip().lower().replace(" ", "")
    for candidate in (name, name.rstrip("0123456789"), name.replace("grey", "gray")):
        if candidate and mcolors.is_color_like(candidate):
            return mcolors.to_rgb(candidate)
    raise TurtleGraphicsError(f"bad color string: {value}")


class RawTurtle:
    """One turtle: position, heading, pen; what it draws goes to the shared screen."""

    def __init__(self, canvas=None, shape="classic", undobuffersize=0, visible=True):
        self.screen = _screen
        self._x, self._y, self._heading = 0.0, 0.0, 0.0
        self._down, self._size, self._visible = True, 1.0, visible
        self._pen, self._fill = (0.0, 0.0, 0.0), (0.0, 0.0, 0.0)
        self._line = None  # the polyline being drawn: a list of points
        self._fill_at = None  # (index in items, points) while filling
        self._poly = None
        self._full = 360.0
        self._shape, self._stretch = shape, 1.0
        _screen.turtle_list.append(self)

    # -- geometry ------------------------------------------------------------------------
    def _angle(self, value):
        return value * 360.0 / self._full

    def _moveto(self, x, y):
        x, y = float(x), float(y)
        if self._down:
            if self._line is None:
                self._line = [(self._x, self._y)]
                self._add("line", {"points": self._line, "color": self._pen, "width": self._size})
            self._line.append((x, y))
        if self._fill_at is not None:
            self._fill_at[1].append((x, y))
        if self._poly is not None:
            self._poly.append((x, y))
        self._x, self._y = x, y

    def _add(self, kind, data):
        self.screen.items.append((kind, data, self))

    def _break_line(self):
        self._line = None

    def forward(self, distance):
        rad = math.radians(self._heading)
        self._moveto(self._x + distance * math.cos(rad), self._y + distance * math.sin(rad))

    def backward(self, distance):
        self.forward(-distance)

    def left(self, angle):
        self._heading = (self._heading + self._angle(angle)) % 360.0

    def right(self, angle):
        self.left(-angle)

    def goto(self, x, y=None):
        if y is None:
            x, y = x
        self._moveto(x, y)

    def teleport(self, x=None, y=None, fill_gap=False):
        down, self._down = self._down, False
        self._break_line()
        self._moveto(self._x if x is None else x, self._y if y is None else y)
        self._down = down

    def setx(self, x):
        self._moveto(x, self._y)

    def sety(self, y):
        self._moveto(self._x, y)

    def setheading(self, to_angle):
        self._heading = self._angle(to_angle) % 360.0

    def home(self):
        self._moveto(0, 0)
        self._heading = 0.0

    def position(self):
        return Vec2D(self._x, self._y)

    def xcor(self):
        return self._x

    def ycor(self):
        return self._y

    def heading(self):
        return self._heading * self._full / 360.0

    def towards(self, x, y=None):
        if y is None:
            x, y = x
        return (math.degrees(math.atan2(y - self._y, x - self._x)) % 360.0) * self._full / 360.0

    def distance(self, x, y=None):
        if y is None:
            x, y = x
        return math.hypot(x - self._x, y - self._y)

    def degrees(self, fullcircle=360.0):
        self._full = float(fullcircle)

    def radians(self):
        self._full = 2 * math.pi

    def circle(self, radius, extent=None, steps=None):
        # The standard module's polygon approximation, so shapes match it point for point.
        extent = self._full if extent is None else extent
        if steps is None:
            frac = abs(extent) / self._full
            steps = 1 + int(min(11 + abs(radius) / 6.0, 59.0) * frac)
        w = 1.0 * extent / steps
        w2 = 0.5 * w
        length = 2.0 * radius * math.sin(math.radians(self._angle(w2)))
        if radius < 0:
            length, w, w2 = -length, -w, -w2
        self.left(w2)
        for _ in range(steps):
            self.forward(length)
            self.left(w)
        self.left(-w2)

    # -- pen -----------------------------------------------------------------------------
    def penup(self):
        self._down = False
        self._break_line()

    def pendown(self):
        self._down = True

    def isdown(self):
        return self._down

    def pensize(self, width=None):
        if width is None:
            return self._size
        self._size = float(width)
        self._break_line()

    def pencolor(self, *args):
        if not args:
            return self._pen
        self._pen = _color(args if len(args) == 3 else args[0], self.screen.color_mode)
        self._break_line()

    def fillcolor(self, *args):
        if not args:
            return self._fill
        self._fill = _color(args if len(args) == 3 else args[0], self.screen.color_mode)

    def color(self, *args):
        if not args:
            return self._pen, self._fill
        if len(args) == 2:
            self.pencolor(args[0])
            self.fillcolor(args[1])
        else:
            self.pencolor(*args)
            self.fillcolor(*args)

    def pen(self, pen=None, **pendict):
        settings = dict(pen or {}, **pendict)
        for key, action in (("pencolor", self.pencolor), ("fillcolor", self.fillcolor), ("pensize", self.pensize)):
            if key in settings:
                action(settings[key])
        if "pendown" in settings:
            (self.pendown if settings["pendown"] else self.penup)()
        return {"pendown": self._down, "pencolor": self._pen, "fillcolor": self._fill, "pensize": self._size}

    def begin_fill(self):
        self._fill_at = (len(self.screen.items), [(self._x, self._y)])

    def end_fill(self):
        if self._fill_at is None:
            return
        index, points = self._fill_at
        self._fill_at = None
        if len(points) > 2:
            self.screen.items.insert(index, ("fill", {"points": points, "color": self._fill}, self))
        self._break_line()

    def filling(self):
        return self._fill_at is not None

    def dot(self, size=None, *color):
        size = max(self._size + 4, 2 * self._size) if size is None else size
        rgb = self._pen if not color else _color(color if len(color) == 3 else color[0], self.screen.color_mode)
        self._add("dot", {"x": self._x, "y": self._y, "size": float(size), "color": rgb})
        self._break_line()

    def write(self, arg, move=False, align="left", font=("Arial", 8, "normal")):
        self._add("text", {"x": self._x, "y": self._y, "text": str(arg), "color": self._pen, "align": align, "font": font})
        self._break_line()

    def stamp(self):
        self._add("stamp", {"x": self._x, "y": self._y, "heading": self._heading, "color": self._pen,
                            "fill": self._fill, "shape": self._shape, "stretch": self._stretch})
        self._break_line()
        return len(self.screen.items)

    def clear(self):
        self.screen.items[:] = [item for item in self.screen.items if item[2] is not self]
        self._break_line()

    def reset(self):
        self.clear()
        self._x = self._y = self._heading = 0.0
        self._pen = self._fill = (0.0, 0.0, 0.0)
        self._size, self._down = 1.0, True

    # -- shape, visibility, animation ----------------------------------------------------
    def shape(self, name=None):
        if name is None:
            return self._shape
        self._shape = name

    def shapesize(self, stretch_wid=None, stretch_len=None, outline=None):
        if stretch_wid is not None:
            self._stretch = float(stretch_wid)
        return (self._stretch, self._stretch, 1)

    def hideturtle(self):
        self._visible = False

    def showturtle(self):
        self._visible = True

    def isvisible(self):
        return self._visible

    def begin_poly(self):
        self._poly = [(self._x, self._y)]

    def end_poly(self):
        pass

    def get_poly(self):
        return tuple(self._poly or ())

    def getscreen(self):
        return self.screen

    def getturtle(self):
        return self

    def clone(self):
        twin = RawTurtle()
        twin.__dict__.update({k: v for k, v in self.__dict__.items() if k not in ("_line", "_fill_at")})
        return twin

    speed = tracer = undo = clearstamp = clearstamps = onclick = onrelease = ondrag = _noop
    settiltangle = tiltangle = tilt = shapetransform = resizemode = _noop
    fd, bk, back, lt, rt = forward, backward, backward, left, right
    setpos = setposition = goto
    seth, pos = setheading, position
    pu, up, pd, down = penup, penup, pendown, pendown
    width, ht, st, turtlesize = pensize, hideturtle, showturtle, shapesize


Turtle = Pen = RawPen = RawTurtle
_default = None


def _anonymous():
    global _default
    if _default is None:
        _default = Turtle()
    return _default


def _delegate(name):
    def call(*args, **kwargs):
        return getattr(_anonymous(), name)(*args, **kwargs)

    call.__name__ = name
    return call


for _name in [n for n in dir(RawTurtle) if not n.startswith("_")]:
    globals()[_name] = _delegate(_name)

for _name in ("bgcolor", "setup", "screensize", "colormode", "window_width", "window_height", "tracer",
              "update", "delay", "title", "mainloop", "done", "exitonclick", "bye", "listen", "onkey",
              "onkeypress", "onkeyrelease", "onscreenclick", "ontimer", "textinput", "numinput",
              "register_shape", "addshape", "turtles", "clearscreen", "resetscreen", "mode",
              "setworldcoordinates", "bgpic", "getshapes"):
    globals()[_name] = getattr(_screen, _name)

getscreen = Screen


def getturtle():
    return _anonymous()


getpen = getturtle


def _vcheck_figure():
    """The recording drawn with matplotlib (called by the harness after the program ran)."""
    import turtle_draw

    return turtle_draw.draw(_screen, WINDOW)
