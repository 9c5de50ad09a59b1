"""Item 2: 10,000 idle keep-alive connections held open, /health latency from another client
meanwhile, and the resident memory each idle connection costs.

The idle client (bench/clients/idle_connections.py, its own process) opens the connections, sends
one request on each and reads the answers. Our idle timeout is 15 s, so every connection sends one
more request every 10 s, staggered: a steady background of about 1,000 requests per second for as
long as the measurement lasts. RSS is read from /proc/PID/status before the connections open (after
a short warm-up) and once they are all open and answered.
"""

import subprocess
import sys
import time

from benchlib import paths, proc_stats, procs, wrk
from benchlib.daemon import Daemon

CONNECTIONS = 10_000
KEEPALIVE_SEC = 10


def run(ctx):
    log = ctx.log
    limit = procs.raise_fd_limit(CONNECTIONS * 2)
    if limit < CONNECTIONS + 200:
        return {"skipped": f"the file descriptor limit is {limit}; {CONNECTIONS + 200} are needed"}
    daemon = Daemon("idle", ctx.gateway, interval_sec=60, max_connections=CONNECTIONS + 1000)
    client = None
    try:
        daemon.wait_first_tick()
        wrk.run(f"{daemon.url}/health", 64, 1)  # warm-up: first connections, buffers, threads
        time.sleep(1)
        rss_before = proc_stats.rss_kib(daemon.pid)
        fds_before = proc_stats.open_fds(daemon.pid)
        log(f"idle: opening {CONNECTIONS} connections")
        opened_at = time.monotonic()
        client = procs.spawn([sys.executable, paths.IDLE_CLIENT, str(daemon.port), str(CONNECTIONS),
                              str(KEEPALIVE_SEC), "600"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        ready = client.stdout.readline().decode().split()
        if not ready or ready[0] != "ready":
            raise RuntimeError(f"idle client failed: {ready}")
        open_sec = time.monotonic() - opened_at
        time.sleep(1)
        rss_after = proc_stats.rss_kib(daemon.pid)
        fds_after = proc_stats.open_fds(daemon.pid)
        held = int(ready[1])
        log(f"idle: {held} open in {open_sec:.1f} s; RSS {rss_before} -> {rss_after} KiB; measuring /health")
        runs = {"c1": [], "c64": []}
        for _ in range(ctx.runs):
            for key, connections in (("c1", 1), ("c64", 64)):
                runs[key].append(wrk.run(f"{daemon.url}/health", connections, ctx.wrk_duration))
        rss_end = proc_stats.rss_kib(daemon.pid)
        fds_end = proc_stats.open_fds(daemon.pid)
        client.stdin.close()
        summary_line = client.stdout.readline().decode().strip()
        client.wait(timeout=30)
        import json
        client_stats = json.loads(summary_line) if summary_line else {}
        return {
            "connections": CONNECTIONS, "held": held, "openSec": open_sec, "keepaliveSec": KEEPALIVE_SEC,
            "rssKiBBefore": rss_before, "rssKiBAfter": rss_after, "rssKiBEnd": rss_end,
            "fdsBefore": fds_before, "fdsAfter": fds_after, "fdsEnd": fds_end,
            "perConnectionKiB": (rss_after - rss_before) / max(1, held),
            "client": client_stats, "runs": runs, "durationSec": ctx.wrk_duration,
        }
    finally:
        if client is not None:
            procs.stop(client)
        daemon.remove()
