#!/usr/bin/env python3
"""Opens N keep-alive connections to 127.0.0.1:PORT, sends one `GET /health` on each, reads every
answer, prints `ready <open>` and then holds them open.

The server closes a connection idle for 15 s, so each connection sends one more request every
KEEPALIVE seconds (10 by default), staggered evenly: with N = 10,000 that is a steady background of
N / KEEPALIVE requests per second rather than a burst. Prints a JSON summary and exits when its
standard input closes or after MAX seconds.

Usage: idle_connections.py PORT N [KEEPALIVE] [MAX]
"""

import json
import os
import selectors
import socket
import sys
import time

REQUEST = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


def main():
    port, count = int(sys.argv[1]), int(sys.argv[2])
    keepalive = float(sys.argv[3]) if len(sys.argv) > 3 else 10.0
    max_sec = float(sys.argv[4]) if len(sys.argv) > 4 else 300.0
    sel = selectors.DefaultSelector()
    conns = {}
    stats = {"opened": 0, "connectErrors": 0, "closedByServer": 0, "responses": 0, "requests": 0}

    for i in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            s.connect(("127.0.0.1", port))
        except OSError as error:
            stats["connectErrors"] += 1
            stats["lastConnectError"] = str(error)
            s.close()
            continue
        s.setblocking(False)
        s.sendall(REQUEST)
        stats["requests"] += 1
        conns[s.fileno()] = {"sock": s, "pending": 1, "buffer": b"", "index": i}
        sel.register(s, selectors.EVENT_READ)
        stats["opened"] += 1
        if i % 500 == 499:
            pump(sel, conns, stats, 0)

    deadline = time.monotonic() + 30
    while any(c["pending"] for c in conns.values()) and time.monotonic() < deadline:
        pump(sel, conns, stats, 0.05)
    print(f"ready {len(conns)}", flush=True)

    sel.register(sys.stdin, selectors.EVENT_READ)
    started = time.monotonic()
    slot = keepalive / max(1, len(conns))
    order = sorted(conns)
    next_index = 0
    next_at = started + keepalive / 2
    while time.monotonic() - started < max_sec:
        now = time.monotonic()
        while order and now >= next_at:
            fd = order[next_index % len(order)]
            next_index += 1
            next_at += slot
            conn = conns.get(fd)
            if conn is None or conn["pending"]:
                continue
            try:
                conn["sock"].send(REQUEST)
                conn["pending"] += 1
                stats["requests"] += 1
            except OSError:
                drop(sel, conns, fd, stats)
        if pump(sel, conns, stats, min(0.05, max(0.0, next_at - time.monotonic()))):
            break
    stats["openAtEnd"] = len(conns)
    print(json.dumps(stats), flush=True)
    for conn in conns.values():
        conn["sock"].close()


def pump(sel, conns, stats, timeout):
    """Reads what arrived; returns True when standard input closed."""
    for key, _ in sel.select(timeout):
        if key.fileobj is sys.stdin:
            if not os.read(sys.stdin.fileno(), 4096):
                return True
            continue
        fd = key.fd
        conn = conns.get(fd)
        if conn is None:
            continue
        try:
            data = conn["sock"].recv(65536)
        except BlockingIOError:
            continue
        except OSError:
            data = b""
        if not data:
            drop(sel, conns, fd, stats)
            continue
        conn["buffer"] += data
        while True:
            head_end = conn["buffer"].find(b"\r\n\r\n")
            if head_end < 0:
                break
            length = 0
            for line in conn["buffer"][:head_end].split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            total = head_end + 4 + length
            if len(conn["buffer"]) < total:
                break
            conn["buffer"] = conn["buffer"][total:]
            conn["pending"] = max(0, conn["pending"] - 1)
            stats["responses"] += 1
    return False


def drop(sel, conns, fd, stats):
    conn = conns.pop(fd)
    sel.unregister(conn["sock"])
    conn["sock"].close()
    stats["closedByServer"] += 1


if __name__ == "__main__":
    main()
