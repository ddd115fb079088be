"""Warm render worker: imports matplotlib once, then forks one child per job.

Protocol: one JSON job per stdin line, one JSON reply per stdout line. Each job runs in a forked
child (the sandboxed unit): its own session, its own job directory, rlimits applied to itself,
stdin/stdout replaced so it cannot talk to the engine. After the child ends (or is killed at its
deadline), every other process of the sandbox is killed before the reply (under bubblewrap the
server is alone in its PID namespace, so kill(-1) sweeps exactly the job's leftovers).
"""
import json
import os
import select
import signal
import sys
import time

os.environ["MPLBACKEND"] = "Agg"
# The worker's cwd is its scratch dir; the prebuilt font cache was copied into mplconfig/ there.
os.environ["MPLCONFIGDIR"] = os.path.join(os.getcwd(), "mplconfig")
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402,F401  (warm import: the point of the worker)
import numpy  # noqa: E402,F401

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

PID_NAMESPACE = "--pid-namespace" in sys.argv


def wait_child(pid, timeout_s):
    """Waits for the child until the deadline; returns (status, timed_out)."""
    fd = os.pidfd_open(pid)
    try:
        ready, _, _ = select.select([fd], [], [], timeout_s)
    finally:
        os.close(fd)
    if not ready:
        kill_quietly(-pid)
        kill_quietly(pid)
    _, status = os.waitpid(pid, 0)
    return status, not ready


def kill_quietly(pid):
    try:
        os.kill(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def sweep(pid):
    """Kills whatever the job left behind (fork bombs, daemons), then reaps them."""
    kill_quietly(-pid)  # the job's own session/process group
    if PID_NAMESPACE:
        kill_quietly(-1)  # everything else in our namespace except us and its init
    while True:
        try:
            if os.waitpid(-1, os.WNOHANG) == (0, 0):
                break
        except ChildProcessError:
            break


def run_job(job):
    job_dir = job["dir"]
    os.makedirs(job_dir, exist_ok=True)
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            harness.run_child(job)
        finally:
            os._exit(70)
    status, timed_out = wait_child(pid, job["timeoutMs"] / 1000.0)
    sweep(pid)
    reply = {"id": job["id"], "timedOut": timed_out, "ms": (time.monotonic() - started) * 1000}
    if os.WIFSIGNALED(status):
        reply["signal"] = os.WTERMSIG(status)
    else:
        reply["exitCode"] = os.WEXITSTATUS(status)
    return reply


def main():
    print(json.dumps({"ready": True, "matplotlib": matplotlib.__version__}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        reply = run_job(job)
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
