"""Item 4: log intake.

Throughput: a generated 200 MB OpenClaw log (benchlib/openclaw_log.py), read from the page cache,
(a) by bench-harness `scan`: `LogFollower.scan`, the same line assembler, marker search, parser
(which classifies each failure once) and de-duplication as the live follower, and by
`scan-verdict`: the same plus `Policy.ingest` of every event with the parser's verdict (as the
healer takes it from the follower's feed, with no second classification), on a state carried from
event to event, i.e. the daemon's whole path from a line to a verdict;
(b) by `grep -c -E` with the parser's own markers (`GatewayLogLineParser.grepPattern`), output to a
file, once with LC_ALL=C (grep's fastest) and once in the environment's locale; and
(c) end to end by the running daemon: the file is appended to today's log of a started daemon and
the daemon's CPU time is read until its saved read position reaches the end (the position is saved
at most once a second, so the wall time is only known to about a second; the CPU time is exact).
Runs are interleaved.

Detection latency: 1,000 failure lines (distinct runIds, distinct models, the line's time = now)
appended one at a time to the daemon's log; after each, /status is polled over one keep-alive
connection every 1 ms until the model shows as cooling. Each line carries "try again in 3s", so each
model cools for 3 s and the snapshot stays small (a real host has a few cooled models, not 1,000).
The audit log's decision time for each model is read too, as a second clock.
"""

import datetime
import http.client
import json
import os
import shutil
import subprocess
import time

from benchlib import openclaw_log, paths, proc_stats, procs
from benchlib.daemon import Daemon

LOG_BYTES = 200 * 1000 * 1000
DETECTION_EVENTS = 1000


def run(ctx):
    folder = procs.temp_dir("intake")
    try:
        log_path = os.path.join(folder, "generated.log")
        ctx.log("intake: generating the 200 MB log")
        generated = openclaw_log.write_log(log_path, LOG_BYTES)
        throughput = measure_throughput(ctx, log_path, folder)
        throughput["generated"] = generated
        end_to_end = measure_daemon_intake(ctx, log_path)
        os.remove(log_path)
        detection = measure_detection(ctx)
        return {"throughput": throughput, "daemon": end_to_end, "detection": detection}
    finally:
        procs.remove_dir(folder)


def measure_throughput(ctx, log_path, folder):
    pattern = subprocess.run([paths.HARNESS, "grep-pattern"], capture_output=True, text=True, check=True).stdout.strip()
    with open(log_path, "rb") as f:  # into the page cache
        while f.read(1 << 24):
            pass
    size = os.path.getsize(log_path)
    locale = os.environ.get("LC_ALL") or os.environ.get("LANG") or "POSIX"
    ours = {"scan": [], "scan-verdict": []}
    ours_wall = {"scan": [], "scan-verdict": []}
    grep_c, grep_locale = [], []
    scan_result = {}
    grep_count = None
    for _ in range(ctx.runs):
        for mode in ours:
            started = time.monotonic()
            done = subprocess.run([paths.HARNESS, mode, log_path, "1"], capture_output=True, text=True, check=True)
            ours_wall[mode].append(time.monotonic() - started)
            scan_result[mode] = json.loads(done.stdout.strip().splitlines()[-1])
            ours[mode].append(scan_result[mode]["ms"] / 1000)
        for env_locale, bucket in (("C", grep_c), (None, grep_locale)):
            env = dict(os.environ)
            if env_locale:
                env["LC_ALL"] = env_locale
            out_path = os.path.join(folder, "grep.out")
            with open(out_path, "w") as out:
                started = time.monotonic()
                subprocess.run(["grep", "-c", "-E", pattern, log_path], stdout=out, env=env, check=True)
                bucket.append(time.monotonic() - started)
            grep_count = int(open(out_path).read().strip())
    ctx.log(f"intake: ours {min(ours['scan']):.2f} s (to a verdict through Policy.ingest {min(ours['scan-verdict']):.2f} s), "
            f"grep (C) {min(grep_c):.2f} s")
    return {"bytes": size, "pattern": pattern, "locale": locale, "oursSec": ours, "oursWallSec": ours_wall,
            "grepCSec": grep_c, "grepLocaleSec": grep_locale, "scan": scan_result, "grepCount": grep_count}


def today_log(folder):
    return os.path.join(folder, datetime.date.today().strftime("openclaw-%Y-%m-%d.log"))


def saved_offset(daemon):
    try:
        with open(os.path.join(daemon.state, "self-heal-logpos.json")) as f:
            return json.load(f).get("offset", 0)
    except (OSError, ValueError):
        return 0


def measure_daemon_intake(ctx, log_path):
    size = os.path.getsize(log_path)
    runs = []
    for _ in range(ctx.runs):
        daemon = Daemon("intake", ctx.gateway, interval_sec=3600)
        try:
            target = today_log(daemon.log_dir)
            open(target, "w").close()
            daemon.wait_first_tick()
            time.sleep(0.5)
            cpu_before = proc_stats.cpu_seconds(daemon.pid)
            started = time.monotonic()
            with open(log_path, "rb") as src, open(target, "ab") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
            appended = time.monotonic() - started
            procs.wait_until(lambda: saved_offset(daemon) >= size, 120, interval=0.02,
                             what="the daemon to read the whole log")
            wall = time.monotonic() - started
            cpu = proc_stats.cpu_seconds(daemon.pid) - cpu_before
            status = daemon.get_json("/status")
            runs.append({"cpuSec": cpu, "wallSecUpperBound": wall, "appendSec": appended,
                         "rssKiB": proc_stats.rss_kib(daemon.pid),
                         "rssPeakKiB": proc_stats.status_field_kib(daemon.pid, "VmHWM"),
                         "decisions": len(status["counters"]["healActions"]), "faults": status["faults"]})
        finally:
            daemon.remove()
    ctx.log(f"intake: daemon end to end, CPU {min(r['cpuSec'] for r in runs):.2f} s for {size} bytes")
    return {"bytes": size, "runs": runs}


def detection_line(index, ts):
    model = f"detect/model-{index:04d}"
    return model, openclaw_log.candidate_failed(
        model, f"detect-run-{index:05d}", ts, error="429 rate_limit_error: Rate limit reached. Please try again in 3s.")


def measure_detection(ctx):
    daemon = Daemon("detect", ctx.gateway, interval_sec=3600)
    try:
        target = today_log(daemon.log_dir)
        with open(target, "w") as f:  # some history the follower skips at start
            for i in range(100):
                f.write(openclaw_log.info_line(__import__("random").Random(i), time.time() - 60, i))
        daemon.wait_first_tick()
        time.sleep(0.5)
        conn = http.client.HTTPConnection("127.0.0.1", daemon.port, timeout=10)
        latencies, appended_wall, misses = [], {}, 0
        for index in range(DETECTION_EVENTS):
            now = time.time()
            model, text = detection_line(index, now)
            needle = f'"id":"{model}","reason":"rate_limit","status":"cooldown"'.encode()
            started = time.monotonic()
            fd = os.open(target, os.O_WRONLY | os.O_APPEND)
            os.write(fd, text.encode())
            os.close(fd)
            appended_wall[model] = now
            deadline = started + 5
            while True:
                conn.request("GET", "/status")
                body = conn.getresponse().read()
                if needle in body:
                    latencies.append((time.monotonic() - started) * 1000)
                    break
                if time.monotonic() > deadline:
                    misses += 1
                    break
                time.sleep(0.001)
        conn.close()
        audit = audit_latencies(daemon, appended_wall)
        ctx.log(f"intake: detection p50 {proc_stats.percentile(latencies, 50):.1f} ms, "
                f"p99 {proc_stats.percentile(latencies, 99):.1f} ms")
        return {"events": DETECTION_EVENTS, "detected": len(latencies), "misses": misses,
                "latenciesMs": latencies, "auditLatenciesMs": audit,
                "p50": proc_stats.percentile(latencies, 50), "p90": proc_stats.percentile(latencies, 90),
                "p99": proc_stats.percentile(latencies, 99), "max": max(latencies) if latencies else None}
    finally:
        daemon.remove()


def audit_latencies(daemon, appended_wall):
    """Decision time in the audit log minus the wall time of the append, per model (ms)."""
    result = []
    with open(os.path.join(daemon.state, "self-heal-audit.jsonl")) as f:
        for line in f:
            record = json.loads(line)
            if record.get("rule") != "model-cooldown":
                continue
            model = record.get("trigger", "").split(" ")[0]
            if model not in appended_wall:
                continue
            decided = datetime.datetime.fromisoformat(record["time"].replace("Z", "+00:00")).timestamp()
            result.append((decided - appended_wall[model]) * 1000)
    return result
