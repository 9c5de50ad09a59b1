"""OpenClaw gateway log lines in the tslog JSON form of docs/OPENCLAW.md section 9.1.

`write_log` makes a realistic file of a given size: mostly INFO/DEBUG lines from the gateway's
subsystems (with the full `_meta` tslog writes), some successful fallback decisions, and about 0.5 %
failure lines in four shapes (a failed fallback candidate, an embedded-run failover decision, an
embedded-run end with an error, an `All models failed` summary), each with its own runId.
"""

import datetime
import json
import random

META_PATH = {
    "fullFilePath": "file:///usr/lib/node_modules/openclaw/dist/gateway-Cq3xv1.js:4127:17",
    "fileName": "gateway-Cq3xv1.js", "fileNameWithLine": "gateway-Cq3xv1.js:4127", "fileColumn": "17",
    "fileLine": "4127", "filePath": "dist/gateway-Cq3xv1.js", "filePathWithLine": "dist/gateway-Cq3xv1.js:4127",
    "method": "emit",
}
LEVELS = {"DEBUG": 2, "INFO": 3, "WARN": 4, "ERROR": 5}
MODELS = [("anthropic", "claude-opus-4-6"), ("openai-codex", "gpt-5.2"), ("google-gemini-cli", "gemini-2.5-flash"),
          ("openai", "gpt-5.2"), ("windhub", "gpt-5.4"), ("custom-x", "deepseek-v4-pro")]


def iso(ts):
    return datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + \
        f"{int(ts * 1000) % 1000:03d}Z"


def line(subsystem, level, args, ts):
    """One tslog line: "0" is the subsystem bindings, then the positional arguments."""
    bindings = json.dumps({"subsystem": subsystem}, separators=(",", ":"))
    obj = {"0": bindings}
    for i, arg in enumerate(args, start=1):
        obj[str(i)] = arg
    stamp = iso(ts)
    obj["_meta"] = {"runtime": "node", "runtimeVersion": "22.12.0", "hostname": "gw-host", "name": bindings,
                    "parentNames": ["openclaw"], "date": stamp, "logLevelId": LEVELS[level],
                    "logLevelName": level, "path": META_PATH}
    obj["time"] = stamp
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False) + "\n"


def candidate_failed(model, run_id, ts, error="429 rate_limit_error: Number of request tokens has exceeded your "
                                              "per-minute rate limit", reason="rate_limit", status=429):
    provider, name = model.split("/", 1)
    meta = {"event": "model_fallback_decision", "tags": ["error_handling", "model_fallback", "candidate_failed"],
            "runId": run_id, "decision": "candidate_failed", "requestedProvider": provider, "requestedModel": name,
            "candidateProvider": provider, "candidateModel": name, "attempt": 1, "total": 2, "reason": reason,
            "status": status, "errorPreview": error, "nextCandidateProvider": "openai",
            "nextCandidateModel": "gpt-5.2", "isPrimary": True}
    return line("model-fallback/decision", "WARN", [meta, "model fallback decision"], ts)


def failover_decision(model, run_id, ts):
    provider, name = model.split("/", 1)
    console = (f"embedded run failover decision: runId={run_id} stage=assistant decision=fallback_model "
               f"reason=overloaded provider={model} profile={provider}:default")
    meta = {"event": "embedded_run_failover_decision",
            "tags": ["error_handling", "failover", "assistant", "fallback_model"], "runId": run_id,
            "stage": "assistant", "decision": "fallback_model", "failoverReason": "overloaded",
            "profileFailureReason": "overloaded", "provider": provider, "model": name,
            "profileId": f"{provider}:default", "fallbackConfigured": True, "status": 529, "consoleMessage": console}
    return line("agent/embedded", "WARN", [meta, "embedded run failover decision"], ts)


def agent_end_error(model, run_id, ts):
    provider, name = model.split("/", 1)
    meta = {"event": "embedded_run_agent_end", "tags": ["error_handling", "lifecycle", "agent_end", "assistant_error"],
            "runId": run_id, "isError": True, "error": "HTTP 524: A timeout occurred", "failoverReason": "timeout",
            "model": name, "provider": provider, "httpCode": "524",
            "consoleMessage": f"embedded run agent end: runId={run_id} isError=true model={name} provider={provider} "
                              "error=HTTP 524: A timeout occurred"}
    return line("agent/embedded", "ERROR", [meta, "embedded run agent end"], ts)


def all_models_failed(run_id, ts):
    summary = ('All models failed (2): anthropic/claude-opus-4-6: 429 {"type":"error","error":{"type":'
               '"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}} '
               '(rate_limit) | openai/gpt-5.2: LLM request timed out. (timeout)')
    return line("agent/embedded", "WARN", [{"runId": run_id, "sessionKey": "agent:main:main"},
                                           f"Embedded agent failed before reply: {summary}"], ts)


def info_line(rng, ts, n):
    pick = rng.random()
    provider, name = MODELS[n % 3]
    if pick < 0.22:
        return line("gateway/ws", "DEBUG", [f"→ event health seq={n} clients=2 presenceVersion=41 healthVersion={n // 7}"], ts)
    if pick < 0.40:
        return line("whatsapp", "INFO", [f"[default] inbound message from +1555{n % 10_000_000:07d} "
                                         f"({rng.randrange(80, 4000)} bytes, type=text)"], ts)
    if pick < 0.56:
        return line("agent/embedded", "INFO", [{"event": "embedded_run_start", "runId": f"ok-{n}",
                                                "provider": provider, "model": name, "sessionKey": "agent:main:main",
                                                "thinking": "low"}, "embedded run start"], ts)
    if pick < 0.70:
        return line("agent/embedded", "DEBUG", [f"embedded run tool start: runId=ok-{n} tool="
                                                f"{rng.choice(['exec', 'read', 'web_search', 'message'])}"], ts)
    if pick < 0.80:
        return line("diagnostic", "DEBUG", [f"lane task done: lane=main durationMs={rng.randrange(5, 40_000)} "
                                            f"active=0 queued={rng.randrange(3)}"], ts)
    if pick < 0.88:
        return line("cron", "INFO", [{"jobId": f"job-{n % 500}", "jobName": "Morning brief", "status": "ok",
                                      "durationMs": rng.randrange(800, 30_000)}, "cron: job run finished"], ts)
    if pick < 0.997:
        return line("gateway", "INFO", [f"ws client connected: id=c{n} remote=127.0.0.1 "
                                        f"ua=openclaw-cli/2026.8.22"], ts)
    meta = {"event": "model_fallback_decision", "tags": ["model_fallback", "candidate_succeeded"],
            "runId": f"ok-{n}", "decision": "candidate_succeeded", "candidateProvider": provider,
            "candidateModel": name, "attempt": 2, "total": 2}
    return line("model-fallback/decision", "INFO", [meta, "model fallback decision"], ts)


def write_log(path, target_bytes, failure_rate=0.005, seed=3, end_ts=None):
    """Writes about `target_bytes` of log to `path`. Returns {bytes, lines, failureLines, failures}
    (`failures`: model failures the lines report; the summary line reports two)."""
    rng = random.Random(seed)
    end_ts = end_ts or datetime.datetime.now().timestamp() - 120
    written = lines = failure_lines = failures = 0
    estimated_lines = max(1, target_bytes // 520)
    ts = end_ts - 86_400
    step = 86_400 / estimated_lines
    chunk = []
    with open(path, "w", encoding="utf-8") as f:
        while written < target_bytes:
            ts += step
            if rng.random() < failure_rate:
                kind = failure_lines % 4
                run_id = f"run-{failure_lines:07d}"
                model = "/".join(MODELS[failure_lines % len(MODELS)])
                if kind == 0:
                    text = candidate_failed(model, run_id, ts)
                elif kind == 1:
                    text = failover_decision(model, run_id, ts)
                elif kind == 2:
                    text = agent_end_error(model, run_id, ts)
                else:
                    text = all_models_failed(run_id, ts)
                failures += 2 if kind == 3 else 1
                failure_lines += 1
            else:
                text = info_line(rng, ts, lines)
            chunk.append(text)
            written += len(text.encode("utf-8"))
            lines += 1
            if len(chunk) >= 4096:
                f.write("".join(chunk))
                chunk.clear()
        f.write("".join(chunk))
    return {"bytes": written, "lines": lines, "failureLines": failure_lines, "failures": failures}
