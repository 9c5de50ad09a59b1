#!/usr/bin/env bash
# make demo: the daemon against the OpenClaw test double, through a scripted incident (a rate-limit
# storm in the gateway's log, then a WhatsApp link that drops), printing the healer's view as it
# changes. Everything lives in a temp directory and on loopback; it stops by itself.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$ROOT/.build/release/openclaw-self-heal}
FAKE=$ROOT/Tests/Fixtures/fake-openclaw
WORK=$(mktemp -d /tmp/openclaw-self-heal-demo.XXXXXX)
PORT=${PORT:-19477}
URL=http://127.0.0.1:$PORT
export FAKE_OPENCLAW_DIR=$WORK/scenario
DAEMON_PID=

cleanup() {
  [ -n "$DAEMON_PID" ] && kill "$DAEMON_PID" 2>/dev/null && wait "$DAEMON_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
status() { "$BIN" status --url "$URL"; }
calls() {  # the commands the healer ran against the (fake) gateway
  python3 - "$FAKE_OPENCLAW_DIR/calls.jsonl" <<'PY'
import json, sys
try:
    lines = open(sys.argv[1]).read().splitlines()
except FileNotFoundError:
    lines = []
reads = ("channels status", "cron list", "plugins list", "gateway status", "gateway call sessions.list")
for line in lines:
    call = json.loads(line)
    text = " ".join([call["tool"]] + call["argv"])
    if not any(r in text for r in reads):
        print("  $ " + text)
PY
}
scenario() {  # scenario KEY JSON: set one key of the fake gateway's state
  python3 - "$FAKE_OPENCLAW_DIR/scenario.json" "$1" "$2" <<'PY'
import json, os, sys
path, key, value = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
state = json.load(open(path))
state[key] = value
tmp = path + ".tmp"
json.dump(state, open(tmp, "w"), indent=2)
os.replace(tmp, path)
PY
}
log_failure() {  # append a model_fallback_decision line, as OpenClaw's gateway logs a failed call
  python3 - "$WORK/logs/openclaw-$(date +%F).log" "$1" <<'PY'
import datetime, json, sys
path, run = sys.argv[1], sys.argv[2]
meta = {"event": "model_fallback_decision", "decision": "candidate_failed", "runId": run,
        "requestedProvider": "anthropic", "requestedModel": "claude-opus-4-6",
        "candidateProvider": "anthropic", "candidateModel": "claude-opus-4-6",
        "reason": "rate_limit", "status": 429, "attempt": 1, "total": 2,
        "nextCandidateProvider": "openai", "nextCandidateModel": "gpt-5.2"}
line = {"0": json.dumps({"subsystem": "model-fallback/decision"}), "1": meta, "2": "model fallback decision",
        "_meta": {"logLevelName": "WARN"}, "time": datetime.datetime.now(datetime.timezone.utc).isoformat()}
open(path, "a").write(json.dumps(line) + "\n")
PY
}

[ -x "$BIN" ] || { echo "build first: make build (looked for $BIN)"; exit 1; }
mkdir -p "$WORK/logs" "$WORK/state" "$FAKE_OPENCLAW_DIR"
: > "$WORK/logs/openclaw-$(date +%F).log"
printf '// OpenClaw config (JSON5)\n{ gateway: { mode: "local", }, }\n' > "$WORK/openclaw.json"
cat > "$FAKE_OPENCLAW_DIR/scenario.json" <<JSON
{
  "gateway": "up",
  "whatsapp": {"state": "connected", "afterRestart": "connected"},
  "sessions": {"agent:main:whatsapp:direct:+15557654321": {"sessionId": "s1", "providerOverride": "anthropic",
               "modelOverride": "claude-opus-4-6", "modelOverrideSource": "user"}},
  "cron": [{"id": "3f1c2b9e", "name": "Morning brief", "enabled": true,
            "state": {"lastRunAtMs": 1755838800000, "lastRunStatus": "ok", "consecutiveErrors": 0}}],
  "plugins": [{"id": "whatsapp", "name": "WhatsApp", "enabled": true, "status": "loaded"}],
  "probes": {"anthropic/claude-opus-4-6": {"status": "rate_limit", "error": "429 rate_limit_error"}}
}
JSON
cat > "$WORK/config.json5" <<JSON5
{
  modelOrder: ["anthropic/claude-opus-4-6", "openai/gpt-5.2", "google/gemini-2.5-flash"],
  cooldownMinutes: 30,
  configFile: "$WORK/openclaw.json",
  configBackupsDir: "$WORK/backups",
  metricsFile: "$WORK/metrics.jsonl",
  monitor: { intervalSec: 2 },
  autoFix: { whatsappDisconnectThreshold: 2, whatsappMinRestartIntervalSec: 60 },
  openclaw: { logDir: "$WORK/logs", gatewayUrl: "http://127.0.0.1:9", commandTimeoutSec: 5,
              channelRestartGraceSec: 3 },
  server: { listen: "127.0.0.1:$PORT" },
}
JSON5

say "Starting openclaw-self-heal against a fake OpenClaw gateway (everything in $WORK)"
"$BIN" serve --config "$WORK/config.json5" --state-dir "$WORK/state" --openclaw-bin "$FAKE" \
  --log-level warning 2>"$WORK/daemon.log" &
DAEMON_PID=$!
for _ in $(seq 50); do curl -fs "$URL/health" >/dev/null 2>&1 && break; sleep 0.2; done
sleep 2
status

say "1. A rate-limit storm: the gateway logs five failed calls to anthropic/claude-opus-4-6"
for i in 1 2 3 4 5; do log_failure "demo-run-$i"; sleep 0.2; done
sleep 3
status
say "   What the healer ran: the pinned WhatsApp session moved to the first available model"
calls

say "2. The WhatsApp link drops (OpenClaw's own channel restarts do not bring it back)"
scenario whatsapp '{"state": "disconnected", "afterRestart": "connected"}'
sleep 3
status
say "   ...the drop outlasts the threshold and OpenClaw's grace window: the healer restarts the gateway"
for _ in $(seq 30); do grep -q '"restart"' "$FAKE_OPENCLAW_DIR/calls.jsonl" 2>/dev/null && break; sleep 0.5; done
sleep 3
status
calls

say "3. The audit log explains every decision (GET /events)"
curl -fs "$URL/events?limit=8" | python3 -c '
import json, sys
for e in json.load(sys.stdin)["events"]:
    what = (e.get("action") or {}).get("summary") or e["trigger"]
    print("  %s  %-22s %-10s %s" % (e["time"][11:19], e["rule"], e["outcome"], what))'

say "Done. The same endpoints: curl $URL/status, curl $URL/metrics (stopping the daemon now)"
