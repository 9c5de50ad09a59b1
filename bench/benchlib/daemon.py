"""Starts openclaw-self-heal for a benchmark: its own temporary folder (state, logs, the fake CLI's
scenario, a valid openclaw.json), a config on 127.0.0.1 port 0, the fake `openclaw` CLI, and a
stub of the gateway's /healthz and /readyz so the gateway reads as live (no restart decisions).
"""

import http.client
import http.server
import json
import os
import re
import threading
import time

from . import paths, procs

LISTENING = re.compile(r"listening address=127\.0\.0\.1:(\d+)")


class GatewayStub:
    """The gateway's HTTP health endpoints, live and ready, on 127.0.0.1 (a thread of this process)."""

    def __init__(self):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                bodies = {"/healthz": b'{"ok":true,"status":"live"}', "/readyz": b'{"ready":true}'}
                body = bodies.get(self.path.split("?")[0], b'{"ok":false}')
                self.send_response(200 if self.path.split("?")[0] in bodies else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def write_scenario(folder, cron_jobs=(), plugins=()):
    os.makedirs(folder, exist_ok=True)
    scenario = {"gateway": "up", "whatsapp": "connected", "cron": list(cron_jobs), "plugins": list(plugins),
                "sessions": {}}
    with open(os.path.join(folder, "scenario.json"), "w") as f:
        json.dump(scenario, f)


class Daemon:
    """One running daemon. `root` holds everything it writes; `port` is the port it chose."""

    def __init__(self, name, gateway, interval_sec=60, max_connections=1024, cron_jobs=(), plugins=(),
                 log_dir=None, env_extra=None, wait_ready=True):
        self.root = procs.temp_dir(name)
        self.state = os.path.join(self.root, "state")
        self.log_dir = log_dir or os.path.join(self.root, "openclaw-logs")
        self.fake_dir = os.path.join(self.root, "fake")
        oc = os.path.join(self.root, "openclaw")
        for folder in (self.state, self.log_dir, oc):
            os.makedirs(folder, exist_ok=True)
        with open(os.path.join(oc, "openclaw.json"), "w") as f:
            f.write('{ gateway: { port: 18789 } }\n')
        write_scenario(self.fake_dir, cron_jobs, plugins)
        self.config_path = os.path.join(self.root, "config.json5")
        config = {
            "probeEnabled": False,
            "stateFile": os.path.join(self.state, "self-heal-state.json"),
            "statusFile": os.path.join(self.state, "self-heal-status.json"),
            "auditFile": os.path.join(self.state, "self-heal-audit.jsonl"),
            "metricsFile": os.path.join(self.state, "metrics.jsonl"),
            "sessionsFile": os.path.join(oc, "sessions.json"),
            "configFile": os.path.join(oc, "openclaw.json"),
            "configBackupsDir": os.path.join(oc, "backups"),
            "server": {"listen": "127.0.0.1:0", "maxConnections": max_connections},
            "monitor": {"intervalSec": interval_sec},
            "openclaw": {"bin": paths.FAKE_OPENCLAW, "logDir": self.log_dir, "gatewayUrl": gateway.url},
        }
        with open(self.config_path, "w") as f:
            json.dump(config, f, indent=2)
        env = dict(os.environ, FAKE_OPENCLAW_DIR=self.fake_dir)
        env.pop("NOTIFY_SOCKET", None)
        env.update(env_extra or {})
        self.stderr_path = os.path.join(self.root, "daemon.stderr")
        self.stderr = open(self.stderr_path, "w")
        self.started_at = time.monotonic()
        self.proc = procs.spawn([paths.DAEMON, "serve", "--config", self.config_path], env=env,
                                stderr=self.stderr)
        self.pid = self.proc.pid
        self.port = None
        if wait_ready:
            self.wait_listening()

    def wait_listening(self, timeout=30):
        def found():
            if self.proc.poll() is not None:
                raise RuntimeError(f"daemon exited with {self.proc.returncode}: {self.stderr_text()}")
            match = LISTENING.search(self.stderr_text())
            return int(match.group(1)) if match else None
        self.port = procs.wait_until(found, timeout, what="the daemon to listen")
        self.token = open(os.path.join(self.state, "self-heal.token")).read().strip()
        return self.port

    def stderr_tail(self, limit=1500):
        return self.stderr_text()[-limit:]

    def stderr_text(self):
        with open(self.stderr_path) as f:
            return f.read()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def get_json(self, path, timeout=30):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read()
            if response.status != 200:
                raise RuntimeError(f"GET {path}: {response.status} {body[:300]!r}")
            return json.loads(body)
        finally:
            conn.close()

    def get_bytes(self, path):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request("GET", path)
            return conn.getresponse().read()
        finally:
            conn.close()

    def wait_first_tick(self, timeout=120, tracked_jobs=None):
        def ticked():
            status = self.get_json("/status")
            if status.get("lastTick") is None:
                return None
            if tracked_jobs is not None and status["cron"]["trackedJobs"] < tracked_jobs:
                return None
            return status
        return procs.wait_until(ticked, timeout, interval=0.2, what="the daemon's first tick")

    def post_events(self, bodies):
        """POSTs each body to /events over one keep-alive connection; returns the seconds taken."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Authorization": "Bearer " + self.token, "Content-Type": "application/json"}
        started = time.monotonic()
        try:
            for body in bodies:
                conn.request("POST", "/events", json.dumps(body), headers)
                response = conn.getresponse()
                text = response.read()
                if response.status not in (200, 202):
                    raise RuntimeError(f"POST /events: {response.status} {text[:300]!r}")
        finally:
            conn.close()
        return time.monotonic() - started

    def stop(self):
        procs.stop(self.proc)
        self.stderr.close()

    def remove(self):
        self.stop()
        procs.remove_dir(self.root)
