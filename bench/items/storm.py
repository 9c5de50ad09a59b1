"""Item: a failure storm. The daemon tracks 5,000 cron jobs (gathered at its first tick; the
monitor interval is an hour so no tick runs during the storm); then 1,000 failures arrive at once,
each about a model of its own (so each is a decision with an audit record, not a repeat the policy
drops): 500 appended to the gateway's log (in 10 writes, 10 ms apart) and 500 through
`POST /events` (32 keep-alive connections). The storm is absorbed when the audit log holds the
1,000 cooldown records; each record is written after the state that knows the cooldown (the
journal writes the state first), so by then every event is durable.

Meanwhile a probe in a process of its own GETs /health back to back; its latencies inside the
storm window are compared with the same probe at rest just before. RSS is taken at idle (after
the first tick) and again a few seconds after the storm.
"""

import datetime
import http.client
import json
import os
import subprocess
import sys
import threading
import time

from benchlib import openclaw_log, paths, proc_stats, procs, scenario
from benchlib.daemon import Daemon

CRON_JOBS = 5000
LOG_EVENTS = 500
HTTP_EVENTS = 500
POSTERS = 32
LOG_WRITES = 10
REST_PROBE_SEC = 2.0
STORM_LIMIT_SEC = 60.0
SETTLE_SEC = (1, 3, 5)
PROBE = os.path.join(paths.BENCH, "clients", "health_probe.py")


def today_log(folder):
    return os.path.join(folder, datetime.date.today().strftime("openclaw-%Y-%m-%d.log"))


def probe(port, seconds):
    """Starts the probe and returns once it runs (a SIGTERM before its handler is in place would
    kill it without its samples: Python's start-up takes a while on a loaded machine)."""
    proc = subprocess.Popen([sys.executable, PROBE, str(port), str(seconds)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    if proc.stdout.readline().strip() != "ready":
        raise RuntimeError("the /health probe did not start")
    return proc


def probe_result(proc):
    out, _ = proc.communicate(timeout=180)
    return json.loads(out.strip().splitlines()[-1])


def latency_summary(samples):
    values = [s[1] for s in samples]
    return {"requests": len(values), "failed": sum(1 for s in samples if not s[2]),
            "p50": proc_stats.percentile(values, 50), "p99": proc_stats.percentile(values, 99),
            "max": max(values) if values else None}


class AuditCounter:
    """Counts the storm's cooldown records in the audit log as it grows (reads only what is new)."""

    def __init__(self, path):
        self.path, self.offset, self.carry, self.models = path, 0, b"", set()

    def poll(self):
        try:
            with open(self.path, "rb") as f:
                f.seek(self.offset)
                data = f.read()
        except FileNotFoundError:
            return len(self.models)
        self.offset += len(data)
        lines = (self.carry + data).split(b"\n")
        self.carry = lines.pop()
        for line in lines:
            if b'"rule":"model-cooldown"' not in line or b"storm/" not in line:
                continue
            try:
                record = json.loads(line)
            except ValueError:
                continue
            model = record.get("trigger", "").split(" ")[0]
            if model.startswith("storm/"):
                self.models.add(model)
        return len(self.models)


def post_all(port, token, bodies, errors):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    try:
        for body in bodies:
            conn.request("POST", "/events", body, headers)
            response = conn.getresponse()
            text = response.read()
            if response.status not in (200, 202):
                errors.append(f"POST /events: {response.status} {text[:200]!r}")
    except (OSError, http.client.HTTPException) as error:
        errors.append(f"POST /events: {error}")
    finally:
        conn.close()


def append_log(target, lines):
    per_write = len(lines) // LOG_WRITES
    for i in range(LOG_WRITES):
        chunk = "".join(lines[i * per_write:(i + 1) * per_write])
        fd = os.open(target, os.O_WRONLY | os.O_APPEND)
        os.write(fd, chunk.encode())
        os.close(fd)
        time.sleep(0.01)


def one_run(ctx, index):
    daemon = Daemon("storm", ctx.gateway, interval_sec=3600, max_connections=4096,
                    cron_jobs=scenario.cron_jobs(CRON_JOBS, compact=True), plugins=scenario.plugins(100))
    try:
        target = today_log(daemon.log_dir)
        open(target, "w").close()
        daemon.wait_first_tick(tracked_jobs=CRON_JOBS, timeout=180)
        time.sleep(1.0)
        rss_idle = proc_stats.rss_kib(daemon.pid)
        rest = latency_summary(probe_result(probe(daemon.port, REST_PROBE_SEC)))

        now = time.time()
        log_lines = [openclaw_log.candidate_failed(f"storm/log-{run:04d}", f"storm-run-{index}-{run:05d}", now)
                     for run in range(LOG_EVENTS)]
        bodies = [json.dumps({"model": f"storm/http-{i:04d}", "error": "429 rate_limit_error: rate limit reached"})
                  for i in range(HTTP_EVENTS)]
        counter = AuditCounter(os.path.join(daemon.state, "self-heal-audit.jsonl"))
        counter.poll()
        health = probe(daemon.port, STORM_LIMIT_SEC)
        cpu_before = proc_stats.cpu_seconds(daemon.pid)
        errors = []
        threads = [threading.Thread(target=append_log, args=(target, log_lines), daemon=True)]
        threads += [threading.Thread(target=post_all, args=(daemon.port, daemon.token, bodies[i::POSTERS], errors),
                                     daemon=True) for i in range(POSTERS)]
        wall_start = time.time()
        started = time.monotonic()
        for t in threads:
            t.start()
        total = LOG_EVENTS + HTTP_EVENTS
        absorbed = None
        while time.monotonic() - started < STORM_LIMIT_SEC:
            if counter.poll() >= total:
                absorbed = time.monotonic() - started
                break
            time.sleep(0.002)
        wall_end = time.time()
        for t in threads:
            t.join(timeout=60)
        cpu = proc_stats.cpu_seconds(daemon.pid) - cpu_before
        health.terminate()
        samples = probe_result(health)
        during = latency_summary([s for s in samples if wall_start <= s[0] <= wall_end])
        rss_after = {}
        slept = 0
        for mark in SETTLE_SEC:
            time.sleep(mark - slept)
            slept = mark
            rss_after[str(mark)] = proc_stats.rss_kib(daemon.pid)
        status = daemon.get_json("/status")
        result = {"absorbedSec": absorbed, "recorded": len(counter.models), "expected": total,
                  "postErrors": errors[:5], "cpuSec": cpu, "healthRest": rest, "healthStorm": during,
                  "rssIdleKiB": rss_idle, "rssAfterKiB": rss_after,
                  "rssPeakKiB": proc_stats.status_field_kib(daemon.pid, "VmHWM"),
                  "modelsInSnapshot": len(status["models"]), "trackedJobs": status["cron"]["trackedJobs"],
                  "faults": status["faults"]}
        ctx.log(f"storm: run {index + 1}: absorbed {absorbed if absorbed is None else round(absorbed, 3)} s "
                f"({len(counter.models)}/{total}), /health p99 {during['p99']} ms in the storm vs {rest['p99']} ms "
                f"at rest, RSS idle {rss_idle} KiB, after {rss_after}")
        return result
    finally:
        daemon.remove()


def run(ctx):
    runs = [one_run(ctx, i) for i in range(ctx.runs)]
    return {"cronJobs": CRON_JOBS, "logEvents": LOG_EVENTS, "httpEvents": HTTP_EVENTS, "posters": POSTERS,
            "runs": runs}
