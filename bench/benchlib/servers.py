"""The reference servers of the HTTP benchmark: nginx from Debian's package (its own prefix and
config in a temporary folder, on 127.0.0.1, one worker per core) and the two Swift peers."""

import os
import socket
import subprocess
import time

from . import paths, procs

NGINX_CONF = """\
# Written by bench/benchlib/servers.py for one benchmark run.
worker_processes {workers};
pid {root}/nginx.pid;
error_log {root}/error.log warn;
daemon off;

events {{
    worker_connections 20000;
}}

http {{
    access_log off;
    # Keep-alive as long as our server's (15 s idle) and without nginx's default cap of 1000
    # requests per connection, so keep-alive runs compare the same thing.
    keepalive_timeout 15s;
    keepalive_requests 100000000;
    client_body_temp_path {root}/tmp/body;
    proxy_temp_path {root}/tmp/proxy;
    fastcgi_temp_path {root}/tmp/fastcgi;
    uwsgi_temp_path {root}/tmp/uwsgi;
    scgi_temp_path {root}/tmp/scgi;

    server {{
        listen 127.0.0.1:{port};
        root {root}/www;
        location = /health {{
            default_type application/json;
            return 200 '{{"status":"ok"}}';
        }}
        location = /status {{
            default_type application/json;
            try_files /status.json =404;
        }}
    }}
}}
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_accepting(port, proc, timeout=20):
    def accepting():
        if proc.poll() is not None:
            raise RuntimeError(f"server on port {port} exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            return False
    procs.wait_until(accepting, timeout, interval=0.05, what=f"a server on port {port}")


class Nginx:
    def __init__(self, status_body):
        self.root = procs.temp_dir("nginx")
        # nginx's workers drop to "nobody" when started as root: they must be able to read the body.
        os.chmod(self.root, 0o755)
        os.makedirs(os.path.join(self.root, "www"))
        os.makedirs(os.path.join(self.root, "tmp"))
        with open(os.path.join(self.root, "www", "status.json"), "wb") as f:
            f.write(status_body)
        self.port = free_port()
        self.workers = os.cpu_count()
        conf = os.path.join(self.root, "nginx.conf")
        with open(conf, "w") as f:
            f.write(NGINX_CONF.format(workers=self.workers, root=self.root, port=self.port))
        check = subprocess.run(["nginx", "-t", "-p", self.root, "-c", conf, "-e", os.path.join(self.root, "error.log")],
                               capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"nginx -t: {check.stderr}")
        self.proc = procs.spawn(["nginx", "-p", self.root, "-c", conf, "-e", os.path.join(self.root, "error.log")])
        wait_accepting(self.port, self.proc)
        self.version = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip()

    def stderr_tail(self):
        return tail(os.path.join(self.root, "error.log"))

    def stop(self):
        procs.stop(self.proc)
        procs.remove_dir(self.root)


def tail(path, limit=1500):
    try:
        with open(path, errors="replace") as f:
            return f.read()[-limit:]
    except OSError:
        return ""


class Peer:
    """A Swift peer server built by `make bench` (binary path, takes the port as its argument)."""

    def __init__(self, binary):
        if not os.path.exists(binary):
            raise RuntimeError(f"{binary} is missing: run `make bench` (it builds the peers)")
        self.root = procs.temp_dir("peer")
        self.stderr_path = os.path.join(self.root, "output")
        self.port = free_port()
        with open(self.stderr_path, "w") as out:
            self.proc = procs.spawn([binary, str(self.port)], stdout=out, stderr=out)
        wait_accepting(self.port, self.proc)
        time.sleep(0.2)

    def stderr_tail(self):
        return tail(self.stderr_path)

    def stop(self):
        procs.stop(self.proc)
        procs.remove_dir(self.root)
