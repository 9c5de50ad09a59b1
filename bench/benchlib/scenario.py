"""Cron jobs and plugins in the shapes of docs/OPENCLAW.md sections 2 and 3, for the fake CLI's scenario.

Deterministic (seeded). About 2 % of the jobs are failing (rate limits, timeouts) with a few
consecutive errors, 1 % were auto-disabled by OpenClaw, 10 % are disabled; two plugins are in error.
"""

import random
import uuid

NOW_MS = 1_787_392_800_000  # 2026-08-22T10:00:00Z; the jobs' times only need to be consistent


def cron_jobs(count, seed=7, compact=False):
    """`compact` drops the fields the healer does not read (delivery, wake mode, timestamps of the
    definition), as in the shorter real 2026.6 shape of docs/OPENCLAW.md section 2."""
    rng = random.Random(seed)
    jobs = []
    for i in range(count):
        job_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        roll = rng.random()
        enabled = roll >= 0.10
        state = {"nextRunAtMs": NOW_MS + rng.randrange(60_000, 86_400_000),
                 "lastRunAtMs": NOW_MS - rng.randrange(60_000, 86_400_000),
                 "lastDurationMs": rng.randrange(800, 30_000), "lastDeliveryStatus": "delivered"}
        if enabled and roll < 0.12:
            state.update(lastRunStatus="error", lastStatus="error", consecutiveErrors=rng.randrange(1, 4),
                         lastError='429 {"type":"error","error":{"type":"rate_limit_error","message":"Number of '
                                   'request tokens has exceeded your per-minute rate limit"}}',
                         lastErrorReason="rate_limit", lastDeliveryStatus="not-delivered")
        elif enabled and roll < 0.13:
            state.update(lastRunStatus="error", lastStatus="error", consecutiveErrors=10,
                         lastError="LLM request timed out.", lastErrorReason="timeout",
                         autoDisabled={"reason": "consecutive-failures", "atMs": NOW_MS - 3_600_000})
        else:
            state.update(lastRunStatus="ok", lastStatus="ok", consecutiveErrors=0)
        jobs.append({
            "id": job_id, "agentId": "main", "name": f"Job {i:05d}: " + rng.choice(
                ["Morning brief", "Inbox digest", "Weather", "Standup notes", "Backup check", "News summary"]),
            "enabled": enabled, "createdAtMs": NOW_MS - 90 * 86_400_000, "updatedAtMs": NOW_MS - 86_400_000,
            "schedule": rng.choice([{"kind": "cron", "expr": f"{rng.randrange(60)} {rng.randrange(24)} * * *",
                                     "tz": "Europe/Berlin"},
                                    {"kind": "every", "everyMs": rng.choice([900_000, 3_600_000, 86_400_000])}]),
            "sessionTarget": "isolated", "wakeMode": "now",
            "payload": {"kind": "agentTurn", "message": "Summarize overnight updates and post the highlights."},
            "delivery": {"mode": "announce", "channel": "whatsapp", "to": f"+1555{rng.randrange(10**6, 10**7)}"},
            "state": state,
        })
        if compact:
            for key in ("agentId", "createdAtMs", "updatedAtMs", "sessionTarget", "wakeMode", "delivery"):
                del jobs[-1][key]
            for key in ("lastDurationMs", "lastDeliveryStatus"):
                state.pop(key, None)
    return jobs


def plugins(count, seed=11):
    rng = random.Random(seed)
    result = []
    for i in range(count):
        errored = i in (17, 63)
        result.append({
            "id": f"plugin-{i:03d}", "name": f"Plugin {i:03d}", "version": f"1.{rng.randrange(20)}.0",
            "enabled": True, "status": "error" if errored else "loaded",
            **({"error": "Cannot find module 'left-pad'"} if errored else {}),
        })
    return result
