"""Where the benchmark finds what `make bench` built."""

import os

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(BENCH)
DAEMON = os.environ.get("BENCH_DAEMON", os.path.join(REPO, ".build", "release", "openclaw-self-heal"))
FAKE_OPENCLAW = os.path.join(REPO, "Tests", "Fixtures", "fake-openclaw")
SCRATCH = os.environ.get("BENCH_SCRATCH", os.path.join(REPO, ".build-bench"))
HARNESS = os.path.join(SCRATCH, "harness", "release", "bench-harness")
HUMMINGBIRD_PEER = os.path.join(SCRATCH, "peers", "hummingbird", "release", "HummingbirdPeer")
FLYINGFOX_PEER = os.path.join(SCRATCH, "peers", "flyingfox", "release", "FlyingFoxPeer")
IDLE_CLIENT = os.path.join(BENCH, "clients", "idle_connections.py")
OUT = os.environ.get("BENCH_OUT", os.path.join(BENCH, "out"))
REPORT = os.environ.get("BENCH_REPORT", os.path.join(REPO, "BENCHMARKS.md"))
