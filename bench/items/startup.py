"""Item 6: start-up time, from just before the process is spawned to `READY=1` arriving on a
NOTIFY_SOCKET (a unix datagram socket this script binds, as systemd would). Every run starts a new
daemon in a new folder (first start: no state, the token is created), with the fake CLI.
"""

import os
import socket
import time

from benchlib import procs
from benchlib.daemon import Daemon


def run(ctx):
    runs = []
    for index in range(max(ctx.runs, 10)):
        folder = procs.temp_dir("notify")
        path = os.path.join(folder, "notify.sock")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        listener.bind(path)
        listener.settimeout(10)
        daemon = None
        try:
            started = time.monotonic()
            daemon = Daemon(f"start{index}", ctx.gateway, interval_sec=60, env_extra={"NOTIFY_SOCKET": path},
                            wait_ready=False)
            spawned = daemon.started_at
            ready_ms = None
            messages = []
            while ready_ms is None:
                data = listener.recv(4096).decode()
                messages.append(data.split("\n")[0])
                if "READY=1" in data.split("\n"):
                    ready_ms = (time.monotonic() - spawned) * 1000
            daemon.wait_listening()
            runs.append({"readyMs": ready_ms, "setupMs": (spawned - started) * 1000, "firstMessages": messages[:3]})
        finally:
            listener.close()
            if daemon is not None:
                daemon.remove()
            procs.remove_dir(folder)
    return {"runs": runs}
