"""Item 5: the cost of one monitor tick without the commands' own run time.

The daemon's snapshot gives only the whole tick (`lastTick.durationMs` = gathering + processing),
and the gathering here is the fake CLI's Python start-up, so the parse and the decision are measured
in-process by bench-harness `tick` over the real stdout the fake CLI printed for 50, 500 and 5,000
cron jobs and 100 plugins:
  parse  = CronListParser + PluginsListParser + ChannelsStatusParser on that stdout,
  decide = Policy.evaluate (pure),
  healer = Healer.tick: the policy again plus audit, the state save (fsync) and the status file,
           which is all the daemon adds to the gathering.
Run 0 is the first sighting of every job; the median is over the steady-state runs after it. The
daemon's own lastTick.durationMs with the fake CLI is shown next to it (interval 2 s, 5 ticks).

Also checked: a `cron list --json` of 5,000 jobs in the full shape of docs/OPENCLAW.md section 2, against
the command runner's 4 MiB output cap.
"""

import json
import os
import subprocess
import time

from benchlib import daemon as daemon_mod, paths, procs, scenario
from benchlib.daemon import Daemon

SIZES = [50, 500, 5000]
PLUGINS = 100
OUTPUT_CAP = 4 << 20


def capture(folder, jobs, plugins):
    daemon_mod.write_scenario(folder, jobs, plugins)
    env = dict(os.environ, FAKE_OPENCLAW_DIR=folder)
    for name, argv in (("cron.json", ["cron", "list", "--all", "--json"]), ("plugins.json", ["plugins", "list", "--json"]),
                       ("channels.json", ["channels", "status", "--json"])):
        with open(os.path.join(folder, name), "w") as out:
            subprocess.run([paths.FAKE_OPENCLAW] + argv, stdout=out, env=env, check=True)
    return os.path.getsize(os.path.join(folder, "cron.json"))


def run(ctx):
    sizes = {}
    for size in SIZES:
        folder = procs.temp_dir(f"tick{size}")
        try:
            cron_bytes = capture(folder, scenario.cron_jobs(size, compact=True), scenario.plugins(PLUGINS))
            done = subprocess.run([paths.HARNESS, "tick", folder, str(max(ctx.runs, 5))], capture_output=True,
                                  text=True, check=True)
            rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
            sizes[size] = {"cronBytes": cron_bytes, "first": rows[0], "steady": rows[1:],
                           "daemonTicksMs": daemon_ticks(ctx, size)}
            ctx.log(f"tick: {size} jobs: parse {rows[-1]['parseMs']:.1f} ms, decide {rows[-1]['decideMs']:.1f} ms, "
                    f"healer {rows[-1]['healerTickMs']:.1f} ms")
        finally:
            procs.remove_dir(folder)
    return {"sizes": sizes, "plugins": PLUGINS, "capCheck": cap_check(ctx)}


def daemon_ticks(ctx, size):
    daemon = Daemon(f"ticks{size}", ctx.gateway, interval_sec=2,
                    cron_jobs=scenario.cron_jobs(size, compact=True), plugins=scenario.plugins(PLUGINS))
    try:
        seen = {}
        deadline = time.monotonic() + 90
        while len(seen) < 6 and time.monotonic() < deadline:
            status = daemon.get_json("/status")
            tick = status.get("lastTick")
            if tick:
                seen[tick["at"]] = tick["durationMs"]
            time.sleep(0.3)
        ordered = [seen[k] for k in sorted(seen)]
        return ordered[1:]  # the first tick also loads the state and sees every job for the first time
    finally:
        daemon.remove()


def cap_check(ctx):
    folder = procs.temp_dir("tickcap")
    try:
        jobs = scenario.cron_jobs(5000)
        full_bytes = capture(folder, jobs, scenario.plugins(PLUGINS))
        daemon = Daemon("tickcap", ctx.gateway, interval_sec=3600, cron_jobs=jobs, plugins=scenario.plugins(PLUGINS))
        try:
            status = daemon.wait_first_tick()
            return {"fullShapeBytes": full_bytes, "cap": OUTPUT_CAP, "trackedJobs": status["cron"]["trackedJobs"],
                    "cronFault": status["faults"].get("cron")}
        finally:
            daemon.remove()
    finally:
        procs.remove_dir(folder)
