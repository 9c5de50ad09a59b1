"""Runs wrk and reads its report (requests per second, latency percentiles, errors)."""

import re
import subprocess

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        raise ValueError(f"unreadable wrk latency: {text!r}")
    return float(match.group(1)) * UNITS[match.group(2)]


def run(url, connections, duration_sec, threads=None, close=False, timeout_sec=10):
    """One wrk run. Returns {rps, p50, p90, p99 (ms), requests, errors, non2xx}."""
    threads = threads or (1 if connections == 1 else 2)
    argv = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration_sec}s", f"--timeout={timeout_sec}s", "--latency"]
    if close:
        argv += ["-H", "Connection: close"]
    argv.append(url)
    done = subprocess.run(argv, capture_output=True, text=True, timeout=duration_sec + timeout_sec + 30)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.strip()}")
    return parse(done.stdout)


def parse(text):
    result = {"errors": 0, "non2xx": 0}
    for percent, key in (("50", "p50"), ("90", "p90"), ("99", "p99")):
        match = re.search(rf"^\s+{percent}%\s+(\S+)", text, re.M)
        result[key] = _ms(match.group(1)) if match else None
    match = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
    result["rps"] = float(match.group(1)) if match else 0.0
    match = re.search(r"^\s+(\d+) requests in", text, re.M)
    result["requests"] = int(match.group(1)) if match else 0
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if match:
        result["errors"] = sum(int(g) for g in match.groups())
        result["errorDetail"] = match.group(0)
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if match:
        result["non2xx"] = int(match.group(1))
    return result
