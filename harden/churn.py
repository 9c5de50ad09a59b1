#!/usr/bin/env python3
"""Posts failure events to a daemon's POST /events as fast as it takes them, for state churn.

Usage: harden/churn.py ADDRESS TOKEN_FILE --seconds S [--threads N] [--sessions K] [--models M]

Each event cools a model: half name `prov/m-<i>` with `sessionKey: agent:main:s<i>` (i < K, the
sessions the test double pins to those models, so the healer also repins them), half name one of
M other models `churn/x-<j>`. The error carries a 4-second retry-after, so cooldowns end quickly
and the same models cool again: every event is a decision, a save and an audit record.

The daemon may be killed and restarted on the same address while this runs: refused connections
are retried after a short pause. Prints one JSON object at the end: events accepted, refused
connections, other failures. Loopback only; stops after S seconds, when its stdin closes, or on
SIGTERM.
"""

import argparse
import json
import random
import signal
import socket
import sys
import threading
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("address")
    parser.add_argument("token_file")
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--models", type=int, default=300)
    args = parser.parse_args()
    host, _, port = args.address.rpartition(":")
    if not host.startswith("127."):
        sys.exit("churn.py only talks to loopback")
    if args.seconds > 3600 or args.threads > 32:
        sys.exit("churn.py: bounded runs only")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def watch_stdin():
        # The caller stops us by closing our stdin (a signal may be blocked in a spawned child).
        while sys.stdin.buffer.read(4096):
            pass
        stop.set()
    threading.Thread(target=watch_stdin, daemon=True).start()
    counts = {"accepted": 0, "refused": 0, "failed": 0, "statuses": {}}
    lock = threading.Lock()
    deadline = time.monotonic() + args.seconds

    def token():
        try:
            with open(args.token_file, encoding="utf-8") as f:
                return f.read().strip()
        except OSError:
            return ""

    def worker(seed):
        rng = random.Random(seed)
        while not stop.is_set() and time.monotonic() < deadline:
            if rng.random() < 0.5:
                i = rng.randrange(args.sessions)
                event = {"model": "prov/m-%d" % i, "sessionKey": "agent:main:s%d" % i}
            else:
                event = {"model": "churn/x-%d" % rng.randrange(args.models)}
            event["error"] = "429 rate_limit_error: Number of requests exceeded, retry after 4 seconds"
            body = json.dumps(event).encode()
            request = (b"POST /events HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                       b"Authorization: Bearer " + token().encode() + b"\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
            try:
                s = socket.create_connection((host, int(port)), timeout=5)
                s.sendall(request)
                data = b""
                while True:
                    chunk = s.recv(4096)
                    if not chunk:
                        break
                    data += chunk
                s.close()
                status = data[9:12].decode() if data.startswith(b"HTTP/1.") else "none"
                with lock:
                    counts["statuses"][status] = counts["statuses"].get(status, 0) + 1
                    if status == "202":
                        counts["accepted"] += 1
            except ConnectionRefusedError:
                with lock:
                    counts["refused"] += 1
                time.sleep(0.02)
            except OSError:
                with lock:
                    counts["failed"] += 1
                time.sleep(0.01)

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(args.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps(counts, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
