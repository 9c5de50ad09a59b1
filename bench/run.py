#!/usr/bin/env python3
"""Runs the benchmarks of openclaw-self-heal and writes BENCHMARKS.md.

`make bench` builds what this needs (the release daemon, bench/harness, the Swift peers) and runs
it. Everything listens on 127.0.0.1, every run is bounded in time, and everything this starts is
stopped (and every temporary folder removed) when it ends, however it ends.

  python3 bench/run.py [--only ITEM,...] [--runs N] [--wrk-duration SEC] [--report-only]

Items: startup, footprint, tick, intake, idle, http, storm. Results are kept in bench/out/results.json
(merged with earlier results when --only is used) and rendered to BENCHMARKS.md.
"""

import argparse
import datetime
import importlib
import json
import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ folders in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import paths, proc_stats, procs, report  # noqa: E402
from benchlib.daemon import GatewayStub  # noqa: E402

ITEMS = ["startup", "footprint", "tick", "intake", "idle", "http", "storm"]


class Context:
    def __init__(self, runs, wrk_duration, gateway):
        self.runs = runs
        self.wrk_duration = wrk_duration
        self.gateway = gateway
        self.started = time.monotonic()

    def log(self, message):
        print(f"[{time.monotonic() - self.started:6.1f} s] {message}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(ITEMS))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")))
    parser.add_argument("--wrk-duration", type=int, default=int(os.environ.get("BENCH_WRK_DURATION", "4")))
    parser.add_argument("--report-only", action="store_true")
    args = parser.parse_args()
    if args.runs < 5:
        parser.error("--runs must be at least 5 (the report gives medians of at least 5 runs)")
    chosen = [item.strip() for item in args.only.split(",") if item.strip()]
    unknown = [item for item in chosen if item not in ITEMS]
    if unknown:
        parser.error(f"unknown item(s): {', '.join(unknown)}; known: {', '.join(ITEMS)}")

    os.makedirs(paths.OUT, exist_ok=True)
    results_path = os.path.join(paths.OUT, "results.json")
    results = {}
    if os.path.exists(results_path):
        with open(results_path) as f:
            results = json.load(f)

    if not args.report_only:
        check_built(chosen)
        procs.install_cleanup()
        procs.raise_fd_limit(20000)
        gateway = GatewayStub()
        ctx = Context(args.runs, args.wrk_duration, gateway)
        results.setdefault("items", {})
        try:
            for item in chosen:
                ctx.log(f"== {item}")
                module = importlib.import_module(f"items.{item}")
                item_started = time.monotonic()
                results["items"][item] = module.run(ctx)
                results["items"][item]["elapsedSec"] = time.monotonic() - item_started
                results["items"][item]["at"] = datetime.datetime.now().isoformat(timespec="seconds")
                results["machine"] = proc_stats.machine()
                results["revision"] = revision()
                with open(results_path, "w") as f:
                    json.dump(results, f, indent=1)
        finally:
            gateway.close()
        ctx.log("done")

    # Rendered from the JSON form, as --report-only does (dictionary keys become strings).
    with open(paths.REPORT, "w") as f:
        f.write(report.render(json.loads(json.dumps(results))))
    print(f"wrote {paths.REPORT}")


# What an item runs besides the daemon; an item not listed here gets everything checked.
ITEM_NEEDS = {"footprint": (), "idle": (), "startup": (), "storm": (), "tick": (paths.HARNESS,),
              "intake": (paths.HARNESS,)}


def check_built(chosen):
    everything = (paths.HARNESS, paths.HUMMINGBIRD_PEER, paths.FLYINGFOX_PEER)
    wanted = [paths.DAEMON] + [p for item in chosen for p in ITEM_NEEDS.get(item, everything)]
    missing = [p for p in dict.fromkeys(wanted) if not os.path.exists(p)]
    if missing:
        sys.exit("not built: " + ", ".join(missing) + "\nrun `make bench`, which builds them first")


def revision():
    done = subprocess.run(["git", "-C", paths.REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", paths.REPO, "status", "--porcelain", "--", "Sources"],
                           capture_output=True, text=True)
    return done.stdout.strip() + (" (Sources modified)" if dirty.stdout.strip() else "")


if __name__ == "__main__":
    main()
