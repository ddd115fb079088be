"""Defence in depth inside the job process: an audit hook that refuses network, process spawning,
ctypes, writes outside the job's directories and reads outside the system's read-only trees.

It is not the sandbox (bubblewrap and rlimits are); it turns attempts into clear, classified
errors, and it is what keeps host files out of reach in the weaker rlimits mode.
"""
import os
import sys

BLOCKED_EVENTS = {
    "socket.connect": "network access",
    "socket.bind": "network access",
    "socket.sendto": "network access",
    "socket.sendmsg": "network access",
    "subprocess.Popen": "starting a process",
    "os.system": "starting a process",
    "os.exec": "starting a process",
    "os.posix_spawn": "starting a process",
    "os.spawn": "starting a process",
    "os.fork": "starting a process",
    "os.forkpty": "starting a process",
    "pty.spawn": "starting a process",
    "os.kill": "signalling a process",
    "os.killpg": "signalling a process",
    "ctypes.dlopen": "loading native code",
    "ctypes.dlsym": "loading native code",
    "ctypes.cdata": "raw memory access",
}

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


class SandboxBlocked(PermissionError):
    """An operation the render sandbox does not allow."""


def install(writable, readable):
    """Installs the hook; `writable`/`readable` are directory prefixes (absolute, real paths)."""
    writable = tuple(os.path.join(os.path.realpath(p), "") for p in writable)
    readable = writable + tuple(os.path.join(os.path.realpath(p), "") for p in readable)

    def inside(path, prefixes):
        if isinstance(path, int):
            return True  # an already-open descriptor
        real = os.path.join(os.path.realpath(os.fsdecode(path)), "")
        return real.startswith(prefixes)

    def hook(event, args):
        why = BLOCKED_EVENTS.get(event)
        if why:
            raise SandboxBlocked(f"the render sandbox forbids {why} ({event})")
        if event == "open" and args[0] is not None:
            path, mode, flags = args
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or bool(flags & WRITE_FLAGS)
            if not inside(path, writable if writing else readable):
                raise SandboxBlocked(f"the render sandbox forbids {'writing' if writing else 'reading'} {os.fsdecode(path)}")
        elif event in ("os.rename", "os.link", "os.symlink", "shutil.copyfile") and len(args) >= 2:
            if not inside(args[1], writable):
                raise SandboxBlocked(f"the render sandbox forbids writing {args[1]}")

    sys.addaudithook(hook)
