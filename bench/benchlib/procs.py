"""Processes and temporary folders the benchmark starts, and their clean-up.

Every child runs in a session of its own, so stopping it stops its whole process group (nginx's
workers, the fake CLI's children) and nothing else. `cleanup()` runs at exit and on SIGINT, SIGTERM
and SIGHUP: every process still running is stopped by its own id and every temporary folder removed.
"""

import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

_processes = []
_folders = []


def spawn(argv, env=None, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
          cwd=None):
    """Starts argv (never through a shell) in its own session and registers it for clean-up."""
    proc = subprocess.Popen(argv, env=env, stdout=stdout, stderr=stderr, stdin=stdin, cwd=cwd,
                            start_new_session=True)
    _processes.append(proc)
    return proc


def stop(proc, grace=5.0):
    """SIGTERM to the child's process group, SIGKILL after `grace` seconds; waits for it."""
    if proc.poll() is None:
        _signal_group(proc, signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            _signal_group(proc, signal.SIGKILL)
            proc.wait(timeout=5)
    # Children left in the group (a worker that outlived its master) go too.
    _signal_group(proc, signal.SIGKILL)
    if proc in _processes:
        _processes.remove(proc)


def _signal_group(proc, sig):
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def temp_dir(prefix):
    path = tempfile.mkdtemp(prefix=f"oc-bench-{prefix}-")
    _folders.append(path)
    return path


def remove_dir(path):
    shutil.rmtree(path, ignore_errors=True)
    if path in _folders:
        _folders.remove(path)


def cleanup():
    for proc in list(_processes):
        try:
            stop(proc, grace=2.0)
        except Exception as error:  # keep cleaning the rest
            print(f"clean-up: could not stop pid {proc.pid}: {error}", file=sys.stderr)
    for path in list(_folders):
        remove_dir(path)


def install_cleanup():
    atexit.register(cleanup)

    def on_signal(signum, _frame):
        print(f"\nbench: {signal.Signals(signum).name}, cleaning up", file=sys.stderr)
        sys.exit(128 + signum)

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, on_signal)


def raise_fd_limit(wanted):
    """Raises this process's soft RLIMIT_NOFILE (inherited by children) to `wanted`, or to the hard
    limit when that is lower. Returns the soft limit in force."""
    import resource
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def wait_until(predicate, timeout, interval=0.01, what="condition"):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)
