"""Runs one job inside the forked child: limits, guard, exec of the answer's code, figure save.

Writes `result.json` ({status, error}) and `out.png` into the job directory. Error text is short:
`line N: Type: message`, with N a line of the answer's own code (it is compiled as `<answer>`).
"""
import errno
import json
import os
import random
import resource
import sys
import traceback

import guard
import figure

ANSWER = "<answer>"


def run_child(job):
    os.setsid()
    os.chdir(job["dir"])
    redirect_output()
    apply_limits(job)
    seed(job["seed"])
    os.environ["MPLCONFIGDIR"] = job["mplConfigDir"]
    turtle_mode = job["mode"] == "turtle"
    if turtle_mode:
        sys.path.insert(0, job["pythonDir"])
        sys.modules.pop("turtle", None)
    guard.install([job["dir"], "/tmp"], readable=job["readable"])
    result = execute(job["code"])
    if result["status"] == "ok":
        result = save(job, turtle_mode)
    write_result(result)
    sys.stdout.flush()
    os._exit(0)


def redirect_output():
    null = os.open("/dev/null", os.O_RDONLY)
    os.dup2(null, 0)
    log = os.open("log.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(null)
    os.close(log)
    sys.stdout = open(1, "w", buffering=1, closefd=False)
    sys.stderr = sys.stdout


def apply_limits(job):
    memory = job["memoryMb"] * 1024 * 1024
    cpu = max(1, int(job["timeoutMs"] / 1000) + 1)
    for limit, value in (
        (resource.RLIMIT_AS, memory),
        (resource.RLIMIT_CPU, cpu),
        (resource.RLIMIT_FSIZE, job["fileBytes"]),
        (resource.RLIMIT_NOFILE, 256),
        (resource.RLIMIT_CORE, 0),
    ):
        resource.setrlimit(limit, (value, value))


def seed(value):
    random.seed(value)
    try:
        import numpy

        numpy.random.seed(value % (2**32))
    except ImportError:
        pass


def execute(code):
    try:
        compiled = compile(code, ANSWER, "exec")
    except (SyntaxError, ValueError) as error:
        return {"status": "compile_error", "error": describe_syntax(error)}
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    figure.neutralise_blocking_calls()
    try:
        exec(compiled, namespace)
    except SystemExit as stop:
        if stop.code not in (None, 0):
            return {"status": "runtime_error", "error": f"the program exited with status {stop.code}"}
    except MemoryError as error:
        return {"status": "resource_limit", "error": describe(error, "memory limit reached")}
    except OSError as error:
        if error.errno == errno.EFBIG:  # RLIMIT_FSIZE (Python ignores SIGXFSZ, so writes fail instead)
            return {"status": "resource_limit", "error": describe(error, "output larger than the limit")}
        return {"status": "runtime_error", "error": describe(error)}
    except BaseException as error:  # noqa: BLE001 - every failure of the answer's code is reported
        return {"status": "runtime_error", "error": describe(error)}
    return {"status": "ok"}


def describe_syntax(error):
    line = getattr(error, "lineno", None)
    message = f"{type(error).__name__}: {getattr(error, 'msg', None) or error}"
    return short(f"line {line}: {message}" if line else message)


def describe(error, fallback=None):
    frames = traceback.extract_tb(error.__traceback__)
    line = next((frame.lineno for frame in reversed(frames) if frame.filename == ANSWER), None)
    text = str(error) or fallback
    message = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return short(f"line {line}: {message}" if line else message)


def short(text):
    text = " ".join(str(text).split())
    return text if len(text) <= 300 else text[:297] + "..."


def save(job, turtle_mode):
    try:
        if turtle_mode:
            import turtle

            fig = turtle._vcheck_figure()
        else:
            fig = figure.last_figure()
        if fig is None:
            return {"status": "blank_image", "error": "the program drew no figure"}
        width, height = figure.save_png(fig, job["size"], "out.png")
        return {"status": "ok", "width": width, "height": height}
    except MemoryError as error:
        return {"status": "resource_limit", "error": describe(error, "memory limit reached while drawing")}
    except BaseException as error:  # noqa: BLE001
        return {"status": "runtime_error", "error": describe(error)}


def write_result(result):
    with open("result.json", "w") as out:
        json.dump(result, out)
