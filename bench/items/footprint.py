"""Item 3: footprint at idle. Five daemons run side by side (one sample each, all in the same
window), each with the fake CLI (20 cron jobs, 10 plugins), a log folder whose today's file it
follows, and `monitor.intervalSec` 60, so the 60 s window holds one real tick per daemon.

RSS is read from /proc/PID/status 5 s after the first tick; CPU is utime + stime from
/proc/PID/stat over the next 60 s (the fake CLI's own CPU runs in child processes and is reported
apart); wakeups are the voluntary context switches over the same window. The size of the binary
under test and the shared libraries it needs (readelf -d) are recorded beside them: `make build`
links the Swift runtime statically, so a binary that needs libswiftCore.so is not the one shipped.

The reference in the same run: nginx (Debian's, one worker per core, the HTTP item's config) after
a few requests, its RSS summed over the master and its workers.
"""

import datetime
import http.client
import os
import subprocess
import time

from benchlib import paths, proc_stats, scenario, servers
from benchlib.daemon import Daemon

WINDOW_SEC = 60


def run(ctx):
    log = ctx.log
    count = max(5, ctx.runs)
    daemons = []
    try:
        for i in range(count):
            daemon = Daemon(f"idle{i}", ctx.gateway, interval_sec=60, cron_jobs=scenario.cron_jobs(20, seed=i),
                            plugins=scenario.plugins(10, seed=i))
            today = os.path.join(daemon.log_dir, datetime.date.today().strftime("openclaw-%Y-%m-%d.log"))
            open(today, "a").close()
            daemons.append(daemon)
        for daemon in daemons:
            daemon.wait_first_tick()
        time.sleep(5)
        samples = []
        for daemon in daemons:
            samples.append({
                "pid": daemon.pid, "rssKiBIdle": proc_stats.rss_kib(daemon.pid),
                "rssAnonKiB": proc_stats.status_field_kib(daemon.pid, "RssAnon"),
                "rssFileKiB": proc_stats.status_field_kib(daemon.pid, "RssFile"),
                "cpuStart": proc_stats.cpu_seconds(daemon.pid),
                "childCpuStart": proc_stats.cpu_seconds(daemon.pid, children=True),
                "wakeupsStart": proc_stats.status_count(daemon.pid, "voluntary_ctxt_switches")
                + proc_stats.status_count(daemon.pid, "nonvoluntary_ctxt_switches"),
                "threads": proc_stats.status_count(daemon.pid, "Threads"),
            })
        breakdown = proc_stats.rss_by_mapping(daemons[0].pid)
        log(f"footprint: {count} daemons idle, watching for {WINDOW_SEC} s")
        started = time.monotonic()
        time.sleep(WINDOW_SEC)
        elapsed = time.monotonic() - started
        for daemon, sample in zip(daemons, samples):
            cpu = proc_stats.cpu_seconds(daemon.pid) - sample["cpuStart"]
            child = proc_stats.cpu_seconds(daemon.pid, children=True) - sample["childCpuStart"]
            wakeups = (proc_stats.status_count(daemon.pid, "voluntary_ctxt_switches")
                       + proc_stats.status_count(daemon.pid, "nonvoluntary_ctxt_switches")) - sample["wakeupsStart"]
            status = daemon.get_json("/status")
            sample.update({
                "windowSec": elapsed, "cpuSec": cpu, "cpuPercent": cpu / elapsed * 100,
                "childCpuSec": child, "wakeupsPerSec": wakeups / elapsed,
                "ticks": status["counters"]["ticks"], "rssKiBEnd": proc_stats.rss_kib(daemon.pid),
                "faults": status["faults"],
            })
        return {"daemons": count, "windowSec": WINDOW_SEC, "clockTicksPerSec": proc_stats.CLOCK_TICKS,
                "samples": samples, "rssBreakdown": breakdown, "binary": binary_facts(paths.DAEMON),
                "nginx": nginx_rss()}
    finally:
        for daemon in daemons:
            daemon.remove()


def binary_facts(path):
    """Size in bytes and the NEEDED entries of the daemon's binary."""
    done = subprocess.run(["readelf", "-d", path], capture_output=True, text=True)
    needed = [line.split("[", 1)[1].rstrip("]") for line in done.stdout.splitlines() if "(NEEDED)" in line and "[" in line]
    return {"path": path, "bytes": os.path.getsize(path), "needed": needed}


def nginx_rss():
    """RSS of an idle nginx (master + workers) after a few requests: the issue's reference."""
    nginx = servers.Nginx(b"{}")
    try:
        for _ in range(20):
            conn = http.client.HTTPConnection("127.0.0.1", nginx.port, timeout=5)
            conn.request("GET", "/health")
            conn.getresponse().read()
            conn.close()
        time.sleep(1)
        pids = [nginx.proc.pid] + children(nginx.proc.pid)
        return {"workers": nginx.workers, "processes": len(pids), "rssKiB": sum(proc_stats.rss_kib(p) for p in pids),
                "version": nginx.version}
    finally:
        nginx.stop()


def children(pid):
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return found
