"""Item 5: the cost of one monitor tick without the commands' own run time.

The daemon's snapshot gives only the whole tick (`lastTick.durationMs` = gathering + processing),
and the gathering here is the fake CLI's Python start-up, so the parse and the decision are measured
in-process by bench-harness `tick` over the real stdout the fake CLI printed for 1,000, 5,000 and
20,000 cron jobs in the full shape of docs/OPENCLAW.md section 2 (delivery, timestamps, wake mode)
and 100 plugins, plus 5,000 jobs in the shorter 2026.6 shape as a reference:
  parse  = CronListParser + PluginsListParser + ChannelsStatusParser on that stdout,
  decide = Policy.evaluate (pure),
  healer = Healer.tick: the policy again plus audit, the state save (fsync) and the status file,
           which is all the daemon adds to the gathering.
Run 0 is the first sighting of every job; the median is over the steady-state runs after it. The
daemon's own lastTick.durationMs with the fake CLI is shown next to it (interval 2 s, 5 ticks).

Also checked: a daemon given 5,000 and 20,000 full-shape jobs observes all of them under the
default `openclaw.maxOutputMiB` (32 MiB).
"""

import json
import os
import subprocess
import time

from benchlib import daemon as daemon_mod, paths, procs, scenario
from benchlib.daemon import Daemon

SIZES = [1000, 5000, 20000]
REFERENCE_COMPACT = 5000
CAP_SIZES = [5000, 20000]
PLUGINS = 100
OUTPUT_CAP = 32 << 20  # HealConfig's openclaw.maxOutputMiB default


def capture(folder, jobs, plugins):
    daemon_mod.write_scenario(folder, jobs, plugins)
    env = dict(os.environ, FAKE_OPENCLAW_DIR=folder)
    for name, argv in (("cron.json", ["cron", "list", "--all", "--json"]), ("plugins.json", ["plugins", "list", "--json"]),
                       ("channels.json", ["channels", "status", "--json"])):
        with open(os.path.join(folder, name), "w") as out:
            subprocess.run([paths.FAKE_OPENCLAW] + argv, stdout=out, env=env, check=True)
    return os.path.getsize(os.path.join(folder, "cron.json"))


def measure(ctx, size, compact):
    folder = procs.temp_dir(f"tick{size}")
    try:
        cron_bytes = capture(folder, scenario.cron_jobs(size, compact=compact), scenario.plugins(PLUGINS))
        done = subprocess.run([paths.HARNESS, "tick", folder, str(max(ctx.runs, 5))], capture_output=True,
                              text=True, check=True)
        rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
        ctx.log(f"tick: {size} jobs{' (compact)' if compact else ''}: parse {rows[-1]['parseMs']:.1f} ms, "
                f"decide {rows[-1]['decideMs']:.1f} ms, healer {rows[-1]['healerTickMs']:.1f} ms")
        return {"cronBytes": cron_bytes, "first": rows[0], "steady": rows[1:], "compact": compact}
    finally:
        procs.remove_dir(folder)


def run(ctx):
    sizes = {}
    for size in SIZES:
        sizes[size] = measure(ctx, size, compact=False)
        sizes[size]["daemonTicksMs"] = daemon_ticks(ctx, size)
    reference = measure(ctx, REFERENCE_COMPACT, compact=True)
    return {"sizes": sizes, "reference": reference, "plugins": PLUGINS,
            "capChecks": [cap_check(ctx, size) for size in CAP_SIZES]}


def daemon_ticks(ctx, size):
    daemon = Daemon(f"ticks{size}", ctx.gateway, interval_sec=2,
                    cron_jobs=scenario.cron_jobs(size), plugins=scenario.plugins(PLUGINS))
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


def cap_check(ctx, size):
    folder = procs.temp_dir("tickcap")
    try:
        jobs = scenario.cron_jobs(size)
        full_bytes = capture(folder, jobs, scenario.plugins(PLUGINS))
        daemon = Daemon("tickcap", ctx.gateway, interval_sec=3600, cron_jobs=jobs, plugins=scenario.plugins(PLUGINS))
        try:
            status = daemon.wait_first_tick()
            return {"jobs": size, "fullShapeBytes": full_bytes, "cap": OUTPUT_CAP,
                    "trackedJobs": status["cron"]["trackedJobs"], "cronFault": status["faults"].get("cron")}
        finally:
            daemon.remove()
    finally:
        procs.remove_dir(folder)
