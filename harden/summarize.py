#!/usr/bin/env python3
"""Turns the figures the hardening runs record (one JSON object per line) into a Markdown summary.

Usage: harden/summarize.py FIGURES.jsonl
"""
import json
import sys


def main():
    figures = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    out = []
    fuzz = [f for f in figures if f["figure"] == "fuzz"]
    if fuzz:
        out += ["### Fuzzing", "", "| target | build | seconds | executions | exec/s | new inputs | result |", "|---|---|---:|---:|---:|---:|---|"]
        for f in fuzz:
            out.append("| %s | %s | %s | %s | %s | %s | %s |" % (f["target"], f.get("build", "asan"), f["seconds"], f["executions"],
                                                                f.get("perSecond", "-"), f.get("newInputs", "-"), f.get("result", "clean")))
        out.append("")
    hostile = [f for f in figures if f["figure"] in ("slowloris", "headerbomb", "bigbody", "random", "halfclose", "noread", "flood")]
    if hostile:
        out += ["### Hostile clients", "", "| attack | what happened | VmRSS before → after (KiB) |", "|---|---|---:|"]
        for f in hostile:
            detail = {k: v for k, v in f.items() if k not in ("figure", "scale", "scenario", "rssBeforeKiB", "rssAfterKiB")}
            out.append("| %s | %s | %s → %s |" % (f["figure"], json.dumps(detail, sort_keys=True).replace("|", "/"),
                                                  f.get("rssBeforeKiB"), f.get("rssAfterKiB")))
        out.append("")
    others = [f for f in figures if f not in fuzz and f not in hostile]
    if others:
        out += ["### Crash consistency, faults, security", "", "| figure | values |", "|---|---|"]
        for f in others:
            detail = {k: v for k, v in f.items() if k not in ("figure", "scale")}
            out.append("| %s | %s |" % (f["figure"], json.dumps(detail, sort_keys=True).replace("|", "/")))
        out.append("")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
