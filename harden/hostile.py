#!/usr/bin/env python3
"""Hostile HTTP clients against a daemon on loopback, bounded in count and time.

Usage: harden/hostile.py ADDRESS SCENARIO [options]      (ADDRESS is 127.0.0.1:PORT or [::1]:PORT)

Scenarios (each prints one JSON object on stdout with what it saw):
  slowloris   --connections N --seconds S [--interval 2]
              N connections each send a request head one byte every INTERVAL seconds and never
              finish it; a connection the server closes is opened again at once, so N stay open.
              Meanwhile a fresh client asks GET /health every 0.2 s; its latencies are reported.
  headerbomb  oversized request line, too many header fields, one huge field, a header section
              past the limit sent slowly, and --connections N of those at once
  bigbody     a 10 MB body announced by Content-Length and sent, then the same chunked
  random      --connections N connections sending random bytes (a fixed seed), each waiting up to
              --seconds for an answer (bytes without a line feed are answered 408 after the
              server's 10 s header timeout; a shorter wait reports them as None)
  halfclose   a complete request then shutdown(SHUT_WR); a partial request then SHUT_WR; a
              connection closed (RST) mid-request
  noread      pipelined GET /status requests (--megabytes M of them) on a connection that never
              reads; a fresh client's /health meanwhile
  slowbody    --connections N --seconds S [--interval 1]
              N connections each send a complete POST head, then the body one byte every
              INTERVAL seconds, reconnecting when closed; how long the server let one hold its
              slot, and a fresh client's GET /health every 0.2 s meanwhile
  rebinding   requests naming another Host (as a page reached through DNS rebinding sends them),
              malformed Host values, two Authorization headers
  chunkframing chunked bodies with a bare LF or a malformed chunk extension, each followed by a
              pipelined GET /health that must not be answered
  slowread    GET --path on a connection with a small receive buffer that reads --rate bytes a
              second (0: never), for at most --seconds; when the answer began to arrive, when
              the server dropped it (its side of the connection leaving ESTABLISHED in
              /proc/net/tcp), how much of the answer had come, and a fresh client's GET /health
              every 0.2 s meanwhile
  flood       --connections N idle connections at once (past a small maxConnections); counts
              how many were answered 503, then checks a fresh /health once they are gone

Everything runs on loopback only, stops by itself, and closes every socket it opened.
"""

import argparse
import json
import random
import select
import selectors
import socket
import sys
import threading
import time


def parse_address(text):
    if text.startswith("["):
        host, _, port = text[1:].partition("]:")
        return socket.AF_INET6, (host, int(port))
    host, _, port = text.rpartition(":")
    return socket.AF_INET, (host, int(port))


def require_loopback(family, address):
    host = address[0]
    if not (host.startswith("127.") or host == "::1"):
        sys.exit("hostile.py only talks to loopback addresses, not %s" % host)


class Target:
    def __init__(self, text):
        self.family, self.address = parse_address(text)
        require_loopback(self.family, self.address)

    def connect(self, timeout=5.0):
        s = socket.socket(self.family, socket.SOCK_STREAM)
        s.settimeout(timeout)
        s.connect(self.address)
        return s

    def connect_nonblocking(self):
        s = socket.socket(self.family, socket.SOCK_STREAM)
        s.setblocking(False)
        s.connect_ex(self.address)
        return s


def read_response(s, limit=1 << 20):
    """Reads until the peer closes (or the timeout); returns (status or None, bytes read)."""
    data = b""
    try:
        while len(data) < limit:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except (socket.timeout, ConnectionResetError, BrokenPipeError, OSError):
        pass
    status = None
    if data.startswith(b"HTTP/1.") and len(data) >= 12:
        try:
            status = int(data[9:12])
        except ValueError:
            status = None
    return status, data


def health(target, path="/health"):
    """One fresh request; returns (status, seconds)."""
    started = time.monotonic()
    try:
        s = target.connect(timeout=5.0)
        s.sendall(("GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" % path).encode())
        status, _ = read_response(s)
        s.close()
    except OSError:
        status = None
    return status, time.monotonic() - started


class HealthProber(threading.Thread):
    """Asks GET /health every `every` seconds until stopped."""

    def __init__(self, target, every=0.2):
        super().__init__(daemon=True)
        self.target, self.every = target, every
        self.results = []
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            self.results.append(health(self.target))
            self.stopping.wait(self.every)

    def summary(self):
        latencies = sorted(t for _, t in self.results)
        ok = sum(1 for status, _ in self.results if status == 200)

        def pct(p):
            return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000, 1) if latencies else None
        return {"probes": len(self.results), "probesOk": ok,
                "probeStatuses": sorted({str(s) for s, _ in self.results}),
                "latencyMsP50": pct(0.5), "latencyMsP99": pct(0.99),
                "latencyMsMax": round(latencies[-1] * 1000, 1) if latencies else None}


# --- scenarios -----------------------------------------------------------------------------------

SLOW_HEAD = b"GET /status HTTP/1.1\r\nHost: slow\r\n" + b"X-Slow: " + b"a" * 100000


def slowloris(target, args):
    sel = selectors.DefaultSelector()
    conns = {}   # socket -> [bytes sent, next send time]
    stats = {"opened": 0, "closedByServer": 0, "answered408": 0, "answeredOther": 0, "bytesSent": 0,
             "connectFailures": 0}
    other = {}   # status code -> count, for answers other than 408
    start = time.monotonic()
    deadline = start + args.seconds

    def open_one(now, offset):
        try:
            s = target.connect_nonblocking()
        except OSError:
            stats["connectFailures"] += 1
            return
        conns[s] = [0, now + offset]
        sel.register(s, selectors.EVENT_READ)
        stats["opened"] += 1

    # Stagger the first bytes over one interval so the sends do not all land at once.
    for i in range(args.connections):
        open_one(start, args.interval * i / args.connections)
    prober = HealthProber(target)
    prober.start()
    peak_open = held_since = 0
    sample_open = []
    while True:
        now = time.monotonic()
        if now >= deadline:
            break
        for key, _ in sel.select(timeout=0.05):
            s = key.fileobj
            try:
                data = s.recv(4096)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                data = b""
            if data.startswith(b"HTTP/1.1 408") or data.startswith(b"HTTP/1.0 408"):
                stats["answered408"] += 1
            elif data:
                stats["answeredOther"] += 1
                code = data[9:12].decode(errors="replace") if data.startswith(b"HTTP/1.") else "not HTTP"
                other[code] = other.get(code, 0) + 1
            sel.unregister(s)
            s.close()
            del conns[s]
            stats["closedByServer"] += 1
            if args.reconnect:
                open_one(now, 0)
        for s, state in list(conns.items()):
            sent, due = state
            if now >= due:
                try:
                    n = s.send(SLOW_HEAD[sent % len(SLOW_HEAD):sent % len(SLOW_HEAD) + 1])
                    state[0] += n
                    stats["bytesSent"] += n
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError:
                    pass
                state[1] = due + args.interval
        peak_open = max(peak_open, len(conns))
        sample_open.append(len(conns))
    prober.stopping.set()
    prober.join()
    for s in list(conns):
        sel.unregister(s)
        s.close()
    sel.close()
    result = {"scenario": "slowloris", "connections": args.connections, "seconds": args.seconds,
              "intervalSec": args.interval, "peakOpen": peak_open,
              "minOpenAfterRampUp": min(sample_open[len(sample_open) // 10:]) if sample_open else 0}
    result.update(stats)
    result["otherAnswers"] = other
    result.update(prober.summary())
    return result


def exchange(target, payload, shutdown_write=False, timeout=10.0, chunk=None, pause=0.0):
    """Sends `payload` (optionally in chunks with pauses), returns (status, bytes sent, error)."""
    s = target.connect(timeout=timeout)
    sent, error = 0, None
    try:
        step = chunk or len(payload) or 1
        for offset in range(0, len(payload), step):
            s.sendall(payload[offset:offset + step])
            sent += len(payload[offset:offset + step])
            if pause:
                time.sleep(pause)
        if shutdown_write:
            s.shutdown(socket.SHUT_WR)
    except OSError as e:
        error = type(e).__name__
    status, _ = read_response(s)
    s.close()
    return status, sent, error


def headerbomb(target, args):
    cases = {}
    cases["requestLine10KB"] = exchange(target, b"GET /" + b"a" * 10240 + b" HTTP/1.1\r\nHost: localhost\r\n\r\n")[0]
    many = b"".join(b"X-H%d: v\r\n" % i for i in range(200))
    cases["fields200"] = exchange(target, b"GET /health HTTP/1.1\r\nHost: localhost\r\n" + many + b"\r\n")[0]
    cases["oneField20KB"] = exchange(target, b"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + b"b" * 20480 + b"\r\n\r\n")[0]
    cases["section20KBSlowly"] = exchange(target, b"GET /health HTTP/1.1\r\nHost: localhost\r\n" + b"X-A: " + b"c" * 1000 + b"\r\n" * 1
                                          + b"".join(b"X-%d: %s\r\n" % (i, b"d" * 1000) for i in range(19)) + b"\r\n",
                                          chunk=2048, pause=0.01)[0]
    cases["unterminatedHeaderLine64KB"] = exchange(target, b"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Never: " + b"e" * 65536)[0]
    statuses = []
    lock = threading.Lock()

    def bomb():
        try:
            status = exchange(target, b"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + b"f" * 17000 + b"\r\n\r\n")[0]
        except OSError:
            status = None
        with lock:
            statuses.append(status)
    threads = [threading.Thread(target=bomb) for _ in range(args.connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"scenario": "headerbomb", "cases": cases, "parallel": args.connections,
            "parallelStatuses": {str(s): statuses.count(s) for s in set(statuses)},
            "healthAfter": health(target)[0]}


def bigbody(target, args):
    size = 10 * 1024 * 1024
    head = b"POST /events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % size
    status_fixed, sent_fixed, error_fixed = exchange(target, head + b"x" * size, chunk=65536)
    chunked = b"POST /events HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunk = b"10000\r\n" + b"y" * 0x10000 + b"\r\n"
    status_chunked, sent_chunked, error_chunked = exchange(target, chunked + chunk * 160 + b"0\r\n\r\n", chunk=65536)
    return {"scenario": "bigbody", "contentLength": {"status": status_fixed, "bytesSent": sent_fixed, "sendError": error_fixed},
            "chunked": {"status": status_chunked, "bytesSent": sent_chunked, "sendError": error_chunked},
            "healthAfter": health(target)[0]}


def random_bytes(target, args):
    rng = random.Random(8)
    payloads = [bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 4096))) for _ in range(args.connections)]
    statuses = {}
    lock = threading.Lock()

    def send(payload):
        try:
            status = exchange(target, payload, timeout=args.seconds)[0]
        except OSError:
            status = "connect-error"
        with lock:
            statuses[str(status)] = statuses.get(str(status), 0) + 1
    # All at once: a payload without a line feed waits for the server's header timeout.
    threads = [threading.Thread(target=send, args=(p,)) for p in payloads]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Garbage after a valid request on the same connection.
    mixed = exchange(target, b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n" + bytes(rng.getrandbits(8) for _ in range(512)))[0]
    return {"scenario": "random", "connections": args.connections, "statuses": statuses,
            "validThenGarbage": mixed, "healthAfter": health(target)[0]}


def halfclose(target, args):
    complete = exchange(target, b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n", shutdown_write=True)[0]
    partial = exchange(target, b"GET /health HTTP/1.1\r\nHost: localhost\r\n", shutdown_write=True)[0]
    # Reset mid-request: SO_LINGER 0 turns close() into an RST.
    s = target.connect()
    s.sendall(b"POST /events HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nabc")
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    s.close()
    # Many at once.
    statuses = {}
    for _ in range(args.connections):
        st = exchange(target, b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n", shutdown_write=True)[0]
        statuses[str(st)] = statuses.get(str(st), 0) + 1
    return {"scenario": "halfclose", "completeThenShutWr": complete, "partialThenShutWr": partial,
            "manyCompleteThenShutWr": statuses, "healthAfter": health(target)[0]}


def noread(target, args):
    s = target.connect(timeout=2.0)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    request = b"GET /status HTTP/1.1\r\nHost: localhost\r\n\r\n"
    total = int(args.megabytes * 1024 * 1024)
    sent = 0
    blocked_after = None
    s.settimeout(2.0)
    try:
        while sent < total:
            n = s.send(request * 64)
            sent += n
    except socket.timeout:
        blocked_after = sent   # the server stopped reading: its output is full and we never read
    except OSError as e:
        blocked_after = "%s after %d" % (type(e).__name__, sent)
    prober = HealthProber(target)
    prober.start()
    time.sleep(args.seconds)
    prober.stopping.set()
    prober.join()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    s.close()
    result = {"scenario": "noread", "requestBytesSent": sent, "serverStoppedReadingAfter": blocked_after}
    result.update(prober.summary())
    return result


def flood(target, args):
    socks, outcomes = [], {}
    for _ in range(args.connections):
        try:
            socks.append(target.connect(timeout=5.0))
        except OSError:
            outcomes["connect-error"] = outcomes.get("connect-error", 0) + 1
    # Past the server's eviction age, so the fresh client may take the slot of an idle one.
    time.sleep(0.3)
    during = health(target)[0]
    # Collect for one second what each connection got: a 503, a plain close, or nothing (served).
    sel = selectors.DefaultSelector()
    for s in socks:
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ)
    seen = {}
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        for key, _ in sel.select(timeout=0.1):
            s = key.fileobj
            try:
                data = s.recv(4096)
                seen[s] = data[9:12].decode() if data.startswith(b"HTTP/1.") else ("closed" if not data else "other")
            except OSError:
                seen[s] = "reset"
            sel.unregister(s)
    for s in socks:
        key = seen.get(s, "held")
        outcomes[key] = outcomes.get(key, 0) + 1
        s.close()
    sel.close()
    time.sleep(0.5)
    return {"scenario": "flood", "connections": args.connections, "outcomes": outcomes,
            "healthDuringFlood": during, "healthAfter": health(target)[0]}


SLOW_BODY_HEAD = b"POST /events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n"


def slowbody(target, args):
    """N connections send a complete head, then their body one byte every INTERVAL seconds; a
    connection the server closes is opened again at once. Reports how long the server let each
    one hold its slot and what a fresh /health got meanwhile."""
    sel = selectors.DefaultSelector()
    conns = {}   # socket -> [next send time, time the head went out or None]
    stats = {"opened": 0, "closedByServer": 0, "answered408": 0, "answered503": 0, "answeredOther": 0,
             "bodyBytesSent": 0, "connectFailures": 0}
    holds = []   # seconds from the head to the server's close, for connections whose head went out
    start = time.monotonic()
    deadline = start + args.seconds

    def open_one(now, offset):
        try:
            s = target.connect_nonblocking()
        except OSError:
            stats["connectFailures"] += 1
            return
        conns[s] = [now + offset, None]
        sel.register(s, selectors.EVENT_READ)
        stats["opened"] += 1

    for i in range(args.connections):
        open_one(start, args.interval * i / args.connections)
    prober = HealthProber(target)
    prober.start()
    peak_open = 0
    while time.monotonic() < deadline:
        now = time.monotonic()
        for key, _ in sel.select(timeout=0.05):
            s = key.fileobj
            try:
                data = s.recv(4096)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                data = b""
            code = data[9:12] if data.startswith(b"HTTP/1.") else b""
            if code == b"408":
                stats["answered408"] += 1
            elif code == b"503":
                stats["answered503"] += 1
            elif data:
                stats["answeredOther"] += 1
            if conns[s][1] is not None:
                holds.append(now - conns[s][1])
            sel.unregister(s)
            s.close()
            del conns[s]
            stats["closedByServer"] += 1
            open_one(now, 0)
        for s, state in list(conns.items()):
            due, head_at = state
            if now < due:
                continue
            try:
                if head_at is None:
                    s.sendall(SLOW_BODY_HEAD)
                    state[1] = now
                else:
                    stats["bodyBytesSent"] += s.send(b"x")
            except (BlockingIOError, InterruptedError):
                pass
            except OSError:
                pass
            state[0] = now + args.interval
        peak_open = max(peak_open, len(conns))
    end = time.monotonic()
    prober.stopping.set()
    prober.join()
    # Connections still open at the end have held their slot since their head went out.
    still_held = [end - head_at for _, head_at in conns.values() if head_at is not None]
    for s in list(conns):
        sel.unregister(s)
        s.close()
    sel.close()
    result = {"scenario": "slowbody", "connections": args.connections, "seconds": args.seconds,
              "intervalSec": args.interval, "peakOpen": peak_open, "openAtEnd": len(still_held),
              "holdSecondsMax": round(max(holds + still_held), 2) if holds or still_held else None,
              "closedHoldSecondsMax": round(max(holds), 2) if holds else None}
    result.update(stats)
    result.update(prober.summary())
    return result


def rebinding(target, args):
    """Requests as a page reached through DNS rebinding would send them, and malformed Hosts."""
    port = target.address[1]
    cases = {}

    def get(name, head):
        # Connection: close, so each answer ends with the connection.
        cases[name] = exchange(target, head[:-2] + b"Connection: close\r\n\r\n")[0]
    for path in ["/status", "/events", "/metrics", "/health"]:
        get("evil" + path, b"GET %s HTTP/1.1\r\nHost: attacker.example:%d\r\n\r\n" % (path.encode(), port))
    get("evilAbsoluteForm", b"GET http://attacker.example/status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    get("evilNoPort", b"GET /status HTTP/1.1\r\nHost: rebind.attacker.example\r\n\r\n")
    get("loopbackAddress", b"GET /status HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % port)
    get("localhost", b"GET /status HTTP/1.1\r\nHost: localhost:%d\r\n\r\n" % port)
    get("ipv6Loopback", b"GET /status HTTP/1.1\r\nHost: [::1]:%d\r\n\r\n" % port)
    get("allowedName", b"GET /status HTTP/1.1\r\nHost: healer.lan:%d\r\n\r\n" % port)
    get("hostList", b"GET /status HTTP/1.1\r\nHost: a, b\r\n\r\n")
    get("hostUserinfoPath", b"GET /status HTTP/1.1\r\nHost: u@evil/x\r\n\r\n")
    get("hostBadPort", b"GET /status HTTP/1.1\r\nHost: 127.0.0.1:99999\r\n\r\n")
    get("twoAuthorization", b"GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer a\r\n"
        b"Authorization: Bearer b\r\n\r\n")
    body = b""
    s = target.connect()
    s.sendall(b"GET /status HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n")
    _, body = read_response(s)
    s.close()
    return {"scenario": "rebinding", "cases": cases, "evilBodyMentionsHealer": b'"models"' in body or b"uptime" in body,
            "healthAfter": health(target)[0]}


def chunkframing(target, args):
    """Chunked bodies framed with a bare LF or a malformed extension; each must be 400 and closed."""
    head = b"POST /events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    bodies = {
        "bareLFAfterSize": b"5\nhello\r\n0\r\n\r\n",
        "bareLFAfterData": b"5\r\nhello\n0\r\n\r\n",
        "bareLFAfterExtension": b"40;\n" + b"a" * 64 + b"\r\n0\r\n\r\n",
        "bareLFInTrailer": b"0\r\nX: y\n\r\n",
        "extensionWithoutName": b"5;\r\nhello\r\n0\r\n\r\n",
        "extensionBadValue": b"5;a=\"b\r\nhello\r\n0\r\n\r\n",
        "extensionSpaceInName": b"5;a b\r\nhello\r\n0\r\n\r\n",
        "sizeThenSpace": b"5 \r\nhello\r\n0\r\n\r\n",
    }
    cases = {}
    for name, body in bodies.items():
        s = target.connect()
        s.sendall(head + body + b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")
        status, data = read_response(s)
        s.close()
        cases[name] = {"status": status, "answers": data.count(b"HTTP/1.1 ")}
    good = exchange(target, head + b"2;name=value;q=\"x y\"\r\n{}\r\n0\r\n\r\n")[0]
    return {"scenario": "chunkframing", "cases": cases, "wellFormedStatus": good, "healthAfter": health(target)[0]}


def server_side_state(server_port, client_port):
    """The TCP state of the server's end of our connection, from /proc/net/tcp{,6}: 1 is
    ESTABLISHED; a closed socket still flushing its data shows FIN_WAIT1 (4) or later, or is gone."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    fields = line.split()
                    local, remote, state = fields[1], fields[2], int(fields[3], 16)
                    if int(local.rsplit(":", 1)[1], 16) == server_port and int(remote.rsplit(":", 1)[1], 16) == client_port:
                        return state
        except OSError:
            continue
    return None


def slowread(target, args):
    s = socket.socket(target.family, socket.SOCK_STREAM)
    # Before connect, so the window the client announces is small from the first segment.
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 2048)
    s.settimeout(5.0)
    s.connect(target.address)
    client_port = s.getsockname()[1]
    server_port = target.address[1]
    s.sendall(("GET %s HTTP/1.1\r\nHost: localhost\r\n\r\n" % args.path).encode())
    prober = HealthProber(target)
    prober.start()
    started = time.monotonic()
    deadline = started + args.seconds
    received = b""
    dropped_after = None
    answer_after = None   # when the first byte of the answer could be read (not read yet)
    last_state = None
    s.setblocking(False)
    tick = 0.1
    while time.monotonic() < deadline:
        if answer_after is None and select.select([s], [], [], 0)[0]:
            answer_after = time.monotonic() - started
        if args.rate > 0:
            allowance = int(args.rate * (time.monotonic() - started)) - len(received)
            if allowance > 0:
                try:
                    received += s.recv(allowance)
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError:
                    break
        last_state = server_side_state(server_port, client_port)
        if last_state != 1:
            dropped_after = time.monotonic() - started
            break
        time.sleep(tick)
    slow_bytes = len(received)
    # Now read fast: a response the server gave up on ends before its Content-Length.
    s.setblocking(True)
    s.settimeout(3.0)
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            received += chunk
            head_end = received.find(b"\r\n\r\n")
            if head_end >= 0 and b"content-length:" in received[:head_end].lower():
                length = int(received[:head_end].lower().split(b"content-length:")[1].split(b"\r\n")[0])
                if len(received) >= head_end + 4 + length:
                    break
    except (socket.timeout, OSError):
        pass
    s.close()
    prober.stopping.set()
    prober.join()
    head_end = received.find(b"\r\n\r\n")
    status, length = None, None
    if received.startswith(b"HTTP/1.") and len(received) >= 12:
        status = int(received[9:12])
    if head_end >= 0 and b"content-length:" in received[:head_end].lower():
        length = int(received[:head_end].lower().split(b"content-length:")[1].split(b"\r\n")[0])
    body = len(received) - (head_end + 4) if head_end >= 0 else 0
    result = {"scenario": "slowread", "path": args.path, "rate": args.rate,
              "droppedAfterSeconds": round(dropped_after, 2) if dropped_after is not None else None,
              "answerStartedAfterSeconds": round(answer_after, 2) if answer_after is not None else None,
              "droppedAfterAnswerStartedSeconds":
                  round(dropped_after - answer_after, 2) if dropped_after is not None and answer_after is not None else None,
              "serverSideState": last_state, "bytesReadSlowly": slow_bytes, "status": status,
              "contentLength": length, "bodyBytesReceived": body,
              "complete": length is not None and body >= length}
    result.update(prober.summary())
    return result


SCENARIOS = {"slowbody": slowbody, "rebinding": rebinding, "chunkframing": chunkframing, "slowloris": slowloris, "headerbomb": headerbomb, "bigbody": bigbody, "random": random_bytes,
             "halfclose": halfclose, "noread": noread, "flood": flood,
             "slowread": slowread}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("address")
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--path", default="/events?limit=1000")
    parser.add_argument("--rate", type=float, default=0.0)
    parser.add_argument("--no-reconnect", dest="reconnect", action="store_false")
    args = parser.parse_args()
    try:
        import resource
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        wanted = min(hard, max(soft, 2 * args.connections + 256))
        if wanted > soft:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    except (ImportError, ValueError, OSError):
        pass
    if args.connections > 5000 or args.seconds > 600:
        sys.exit("hostile.py: bounded runs only (at most 5000 connections, 600 s)")
    result = SCENARIOS[args.scenario](Target(args.address), args)
    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
