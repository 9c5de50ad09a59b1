#!/usr/bin/env python3
"""GET /health back to back over one keep-alive connection on 127.0.0.1 for a bounded time (or
until SIGTERM), in a process of its own (so the storm's posters do not share its interpreter
lock). Prints `ready` once its SIGTERM handler is in place and its first request answered, then,
at the end, one JSON list of [wall time at send, latency in ms, answered 200] triples.

  health_probe.py PORT SECONDS
"""

import http.client
import json
import signal
import sys
import time

stopping = False


def stop(_signum, _frame):
    global stopping
    stopping = True


def main():
    signal.signal(signal.SIGTERM, stop)
    port, seconds = int(sys.argv[1]), float(sys.argv[2])
    seconds = min(seconds, 120.0)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    samples = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not stopping:
        wall = time.time()
        started = time.perf_counter()
        try:
            conn.request("GET", "/health")
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            ok = False
        samples.append([wall, (time.perf_counter() - started) * 1000, ok])
        if len(samples) == 1:
            print("ready", flush=True)
    conn.close()
    json.dump(samples, sys.stdout)


if __name__ == "__main__":
    main()
