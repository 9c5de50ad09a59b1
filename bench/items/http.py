"""Item 1: HTTP throughput and latency with wrk on loopback, side by side with nginx and two Swift
servers, all started in this run.

Our daemon tracks 1,000 models (cooled through POST /events, each with a one-hour retry-after so
they stay in the snapshot) and 5,000 cron jobs (the fake CLI's `cron list`, gathered at the first
tick); its monitor interval is an hour so no tick runs during the measurements. nginx serves
/health with `return 200` and /status as a static copy of our /status body taken just before.
The runs are interleaved (round after round, every server in turn) so drift on the shared machine
touches every server alike.
"""

import time

from benchlib import paths, proc_stats, scenario, servers, wrk
from benchlib.daemon import Daemon

MODES = [  # (key, connections, Connection: close)
    ("ka1", 1, False),
    ("ka64", 64, False),
    ("ka256", 256, False),
    ("close64", 64, True),
]
MODELS = 1000
CRON_JOBS = 5000


def run(ctx):
    log = ctx.log
    log(f"http: starting our daemon with {CRON_JOBS} cron jobs, 100 plugins")
    daemon = Daemon("http", ctx.gateway, interval_sec=3600, max_connections=4096,
                    cron_jobs=scenario.cron_jobs(CRON_JOBS, compact=True), plugins=scenario.plugins(100))
    status = daemon.wait_first_tick(tracked_jobs=CRON_JOBS, timeout=180)
    log(f"http: posting {MODELS} model failures")
    seconds = daemon.post_events({"model": f"bench/model-{i:04d}",
                                  "error": "429 rate_limit_error: retry after 3600 seconds"} for i in range(MODELS))
    status = daemon.get_json("/status")
    cooled = sum(1 for m in status["models"] if m["status"] == "cooldown")
    body = daemon.get_bytes("/status")
    setup = {"trackedJobs": status["cron"]["trackedJobs"], "modelsInSnapshot": len(status["models"]),
             "modelsCooling": cooled, "statusBytes": len(body), "postEventsSec": seconds,
             "postEventsMsEach": seconds * 1000 / MODELS, "faults": status["faults"]}
    log(f"http: snapshot has {len(status['models'])} models, {status['cron']['trackedJobs']} jobs, {len(body)} bytes")

    nginx = servers.Nginx(body)
    peers = {"hummingbird": servers.Peer(paths.HUMMINGBIRD_PEER), "flyingfox": servers.Peer(paths.FLYINGFOX_PEER)}
    servers_by_name = {"ours": daemon, "nginx": nginx, **peers}
    targets = {
        "health": {"ours": daemon.port, "nginx": nginx.port, "hummingbird": peers["hummingbird"].port,
                   "flyingfox": peers["flyingfox"].port},
        "status": {"ours": daemon.port, "nginx": nginx.port},
    }
    failures = []
    results = {endpoint: {name: {mode[0]: [] for mode in MODES} for name in names}
               for endpoint, names in targets.items()}
    try:
        for endpoint, names in targets.items():  # warm-up, not recorded
            for port in names.values():
                wrk.run(f"http://127.0.0.1:{port}/{endpoint}", 64, 1)
        rss_before = proc_stats.rss_kib(daemon.pid)
        for round_index in range(ctx.runs):
            for endpoint, names in targets.items():
                for key, connections, close in MODES:
                    for name, port in names.items():
                        server = servers_by_name[name]
                        if server.proc.poll() is not None:
                            continue  # it exited earlier; recorded in failures
                        try:
                            outcome = wrk.run(f"http://127.0.0.1:{port}/{endpoint}", connections, ctx.wrk_duration,
                                              close=close)
                        except RuntimeError as error:
                            time.sleep(0.5)
                            failures.append({"server": name, "endpoint": endpoint, "mode": key,
                                             "round": round_index + 1, "error": str(error),
                                             "exitCode": server.proc.poll(), "output": server.stderr_tail()})
                            log(f"http: {name} failed in round {round_index + 1} ({endpoint}, {key}): "
                                f"exit code {server.proc.poll()}")
                            continue
                        results[endpoint][name][key].append(outcome)
                        time.sleep(0.3)
            log(f"http: round {round_index + 1}/{ctx.runs} done")
        setup["oursRssKiBBefore"] = rss_before
        if daemon.proc.poll() is None:
            setup["oursRssKiBAfter"] = proc_stats.rss_kib(daemon.pid)
            setup["oursRssKiBPeak"] = proc_stats.status_field_kib(daemon.pid, "VmHWM")
    finally:
        for peer in peers.values():
            peer.stop()
        nginx.stop()
        daemon.remove()
    return {"setup": setup, "nginxVersion": nginx.version, "nginxWorkers": nginx.workers,
            "modes": [{"key": k, "connections": c, "close": cl} for k, c, cl in MODES],
            "durationSec": ctx.wrk_duration, "runs": ctx.runs, "results": results, "failures": failures}
