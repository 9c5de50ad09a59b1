/// Outputs copied from the shapes in docs/OPENCLAW.md (pretty-printed, 2-space indent, trailing newline,
/// as the CLI prints them), plus the legacy variants it describes.
enum SheetSamples {
    /// `[plugins] …` lines older versions printed to stdout before the JSON; one contains `{`.
    static let pluginPrefix = """
        [plugins] memory-lancedb-pro: smart extraction enabled
        [plugins] plugins.allow is empty; discovered non-bundled plugins may auto-load: lossless-claw
        info {"plugin":"lossless-claw"} [lcm] Transcript GC disabled (default false)
        12:42:15 [plugins] [lcm] Transcript GC disabled (default false)

        """

    static let channelsConnected = """
        {
          "ts": 1755850000000,
          "channelOrder": ["whatsapp", "telegram"],
          "channelLabels": { "whatsapp": "WhatsApp", "telegram": "Telegram" },
          "channelDetailLabels": { "whatsapp": "WhatsApp Web", "telegram": "Telegram Bot" },
          "channelMeta": [{ "id": "whatsapp", "label": "WhatsApp", "detailLabel": "WhatsApp Web" }],
          "channels": {
            "whatsapp": {
              "configured": true, "statusState": "linked", "linked": true, "authAgeMs": 5400000,
              "self": { "e164": "+15551234567", "jid": "15551234567@s.whatsapp.net", "lid": null },
              "running": true, "connected": true, "reconnectAttempts": 0,
              "lastConnectedAt": 1755849000000, "lastDisconnect": null,
              "lastInboundAt": 1755849900000, "lastMessageAt": 1755849900000, "lastEventAt": 1755849990000,
              "busy": false, "lastRunActivityAt": null, "healthState": "healthy", "lastError": null
            }
          },
          "channelAccounts": {
            "whatsapp": [{
              "accountId": "default", "enabled": true, "configured": true, "linked": true,
              "running": true, "connected": true, "reconnectAttempts": 0,
              "lastConnectedAt": 1755849000000, "lastDisconnect": null,
              "lastInboundAt": 1755849900000, "lastOutboundAt": 1755849950000,
              "lastMessageAt": 1755849900000, "lastEventAt": 1755849990000,
              "healthState": "healthy", "dmPolicy": "allowlist", "allowFrom": ["+15557654321"],
              "lastStartAt": 1755848990000, "lastStopAt": null, "lastError": null
            }]
          },
          "channelDefaultAccountId": { "whatsapp": "default" }
        }

        """

    /// Two accounts; the default one ("work") is the disconnected one, listed second.
    static let channelsReconnectingMultiAccount = """
        {
          "ts": 1755850000000,
          "channels": { "whatsapp": { "configured": true, "linked": true, "running": true, "connected": true } },
          "channelAccounts": {
            "whatsapp": [
              { "accountId": "personal", "enabled": true, "configured": true, "linked": true, "running": true, "connected": true },
              { "accountId": "work", "enabled": true, "configured": true, "linked": true, "running": true, "connected": false,
                "healthState": "reconnecting", "reconnectAttempts": 3,
                "lastDisconnect": { "at": 1755849990000, "status": 428, "error": "Connection Closed" } }
            ]
          },
          "channelDefaultAccountId": { "whatsapp": "work" }
        }

        """

    static let channelsLoggedOut = """
        {
          "ts": 1755850000000,
          "channels": { "whatsapp": { "configured": true, "statusState": "not-linked", "linked": false, "running": true,
                                      "connected": false, "healthState": "logged-out" } },
          "channelAccounts": {
            "whatsapp": [{ "accountId": "default", "enabled": true, "configured": true, "linked": false,
                           "running": true, "connected": false, "healthState": "logged-out",
                           "lastDisconnect": { "at": 1755849990000, "status": 401, "loggedOut": true } }]
          },
          "channelDefaultAccountId": { "whatsapp": "default" }
        }

        """

    static let channelsStopped = """
        {
          "channels": { "whatsapp": { "configured": true, "linked": true, "running": false, "connected": false, "healthState": "stopped" } },
          "channelAccounts": { "whatsapp": [{ "accountId": "default", "configured": true, "linked": true, "running": false,
                                              "connected": false, "healthState": "stopped" }] },
          "channelDefaultAccountId": { "whatsapp": "default" }
        }

        """

    /// Older version (commit 00c4219…): summary only, no healthState, lastDisconnect as a string.
    static let channelsLegacySummaryOnly = """
        {
          "ts": 1740000000000,
          "channelOrder": ["whatsapp"],
          "channels": {
            "whatsapp": { "configured": true, "linked": true, "authAgeMs": 100, "self": { "e164": "+15551234567", "jid": "x" },
                          "running": true, "connected": false, "lastConnectedAt": 1739999000000,
                          "lastDisconnect": "2026-02-20T10:00:00.000Z", "reconnectAttempts": 2,
                          "lastMessageAt": null, "lastEventAt": null, "lastError": "stream errored out" }
          }
        }

        """

    static let channelsNotConfigured = """
        {
          "ts": 1755850000000,
          "channelOrder": ["telegram"],
          "channels": { "telegram": { "configured": true, "running": true } },
          "channelAccounts": { "telegram": [{ "accountId": "default", "configured": true, "running": true }] },
          "channelDefaultAccountId": { "telegram": "default" }
        }

        """

    static let channelsUnreachableLegacyStdout = """
        Gateway not reachable; showing config-only status.
        Config: /home/u/.openclaw/openclaw.json
        Mode: local

        - WhatsApp default: enabled, configured, linked

        Tip: https://docs.openclaw.ai/cli#status status --deep adds gateway health probes to status output (requires a reachable gateway).

        """

    static let gatewayClosedStderr = """
        Gateway not reachable: Error: gateway closed (1006 abnormal closure (no close frame)): no close reason
        Gateway target: ws://127.0.0.1:18789
        Source: local loopback
        Config: /home/u/.openclaw/openclaw.json
        Bind: loopback

        """

    static let channelsUnreachableCurrent = """
        {
          "gatewayReachable": false,
          "error": "gateway closed (1006 abnormal closure (no close frame)): no close reason"
        }

        """

    static let cronPaged = """
        {
          "jobs": [
            {
              "id": "3f1c2b9e-8d7a-4c1e-9b2a-1e2f3a4b5c6d", "agentId": "main", "name": "Morning brief",
              "enabled": true, "createdAtMs": 1755000000000, "updatedAtMs": 1755840000000,
              "schedule": { "kind": "cron", "expr": "0 7 * * *", "tz": "Europe/Berlin" },
              "sessionTarget": "isolated", "wakeMode": "now",
              "payload": { "kind": "agentTurn", "message": "Summarize overnight updates." },
              "delivery": { "mode": "announce", "channel": "whatsapp", "to": "+15557654321" },
              "state": {
                "nextRunAtMs": 1755925200000, "lastRunAtMs": 1755838800000,
                "lastRunStatus": "error", "lastStatus": "error",
                "lastError": "429 {\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"rate_limit_error\\",\\"message\\":\\"Number of request tokens has exceeded your per-minute rate limit\\"}}",
                "lastErrorReason": "rate_limit", "lastDurationMs": 4100, "consecutiveErrors": 3,
                "lastDeliveryStatus": "not-delivered"
              },
              "status": "error"
            },
            {
              "id": "nightly", "name": "Nightly cleanup", "enabled": false,
              "schedule": { "kind": "every", "everyMs": 86400000 },
              "state": { "lastRunStatus": "error", "consecutiveErrors": 10,
                         "autoDisabled": { "reason": "consecutive-failures" } },
              "status": "disabled"
            }
          ],
          "total": 2, "offset": 0, "limit": 200, "hasMore": false, "nextOffset": null,
          "snapshotRevision": "r-8c1f", "deliveryPreviews": { "3f1c2b9e-8d7a-4c1e-9b2a-1e2f3a4b5c6d": { "label": "whatsapp", "detail": "+15557654321" } }
        }

        """

    /// Very old versions: only `{jobs:[…]}` and only the back-compat `lastStatus`.
    static let cronOld = """
        {
          "jobs": [
            { "id": "a1", "name": "Digest", "enabled": true,
              "schedule": { "kind": "cron", "expr": "*/5 * * * *" },
              "state": { "lastRunAtMs": 1740000000000, "lastStatus": "ok" } }
          ]
        }

        """

    static let pluginsList = """
        {
          "workspaceDir": "/home/u/.openclaw/workspace",
          "plugins": [
            { "id": "whatsapp", "name": "WhatsApp", "origin": "bundled", "source": "/usr/lib/node_modules/openclaw/dist/extensions/whatsapp/index.js",
              "enabled": true, "status": "loaded", "toolNames": [], "hookNames": [], "channelIds": ["whatsapp"], "providerIds": [],
              "gatewayMethods": [], "cliCommands": [], "services": [], "commands": [], "httpRoutes": 0, "hookCount": 0, "configSchema": true },
            { "id": "my-broken-plugin", "name": "My Broken Plugin", "version": "0.1.0", "origin": "global",
              "source": "/home/u/.openclaw/extensions/my-broken-plugin/index.ts", "enabled": true, "status": "error",
              "error": "Cannot find module 'left-pad'", "toolNames": [], "hookNames": [], "channelIds": [], "providerIds": [],
              "gatewayMethods": [], "cliCommands": [], "services": [], "commands": [], "httpRoutes": 0, "hookCount": 0, "configSchema": false }
          ],
          "diagnostics": [ { "level": "error", "pluginId": "my-broken-plugin", "source": "…/index.ts", "message": "failed to load plugin: Cannot find module 'left-pad'" } ]
        }

        """

    static let gatewayStatusUp = """
        {
          "service": { "label": "systemd", "loaded": true, "loadedText": "enabled", "notLoadedText": "disabled",
            "command": { "programArguments": ["/usr/bin/node", "/usr/lib/node_modules/openclaw/dist/index.js", "gateway", "--port", "18789"],
                         "sourcePath": "/home/u/.config/systemd/user/openclaw-gateway.service" },
            "runtime": { "status": "running", "state": "active", "subState": "running", "pid": 4242 } },
          "config": { "cli": { "path": "/home/u/.openclaw/openclaw.json", "exists": true, "valid": true },
                      "daemon": { "path": "/home/u/.openclaw/openclaw.json", "exists": true, "valid": true } },
          "gateway": { "bindMode": "loopback", "bindHost": "127.0.0.1", "port": 18789, "portSource": "service args",
                       "probeUrl": "ws://127.0.0.1:18789", "probeNote": "Loopback-only gateway; only local clients can connect." },
          "port": { "port": 18789, "status": "busy", "listeners": [ { "pid": 4242, "address": "127.0.0.1:18789" } ], "hints": [] },
          "rpc": { "ok": true, "url": "ws://127.0.0.1:18789" },
          "legacyServices": [], "extraServices": []
        }

        """

    static let gatewayStatusDown = """
        {
          "service": { "label": "systemd", "loaded": true, "runtime": { "status": "stopped" } },
          "rpc": { "ok": false, "error": "connect ECONNREFUSED 127.0.0.1:18789", "url": "ws://127.0.0.1:18789" }
        }

        """

    static let modelsStatusProbe = """
        {
          "configPath": "/home/u/.openclaw/openclaw.json", "agentDir": "/home/u/.openclaw/agents/main/agent",
          "defaultModel": "anthropic/claude-opus-4-6", "resolvedDefault": "anthropic/claude-opus-4-6",
          "fallbacks": ["openai/gpt-5.2"], "imageModel": null, "imageFallbacks": [], "aliases": {}, "allowed": [],
          "auth": {
            "storePath": "/home/u/.openclaw/agents/main/agent/auth-profiles.json",
            "shellEnvFallback": { "enabled": false, "appliedKeys": [] },
            "providersWithOAuth": ["anthropic (1)"], "missingProvidersInUse": [],
            "providers": [ { "provider": "anthropic", "effective": { "kind": "profiles", "detail": "anthropic:default" }, "profiles": { "count": 1, "oauth": 0, "token": 1, "apiKey": 0, "labels": ["anthropic:default"] } } ],
            "unusableProfiles": [ { "profileId": "anthropic:default", "provider": "anthropic", "kind": "cooldown", "reason": "rate_limit", "until": 1755850300000, "remainingMs": 300000 } ],
            "oauth": { "warnAfterMs": 86400000, "profiles": [], "providers": [] },
            "probes": {
              "startedAt": 1755850000000, "finishedAt": 1755850004200, "durationMs": 4200, "totalTargets": 2,
              "options": { "timeoutMs": 8000, "concurrency": 2, "maxTokens": 8, "profileIds": [] },
              "results": [
                { "provider": "anthropic", "model": "anthropic/claude-opus-4-6", "profileId": "anthropic:default", "label": "anthropic:default",
                  "source": "profile", "mode": "token", "status": "rate_limit", "error": "429 … rate_limit_error …", "latencyMs": 812 },
                { "provider": "openai", "model": "openai/gpt-5.2", "label": "env", "source": "env", "mode": "api_key", "status": "ok", "latencyMs": 1330 }
              ]
            }
          }
        }

        """

    static let sessionsStore = """
        {
          "agent:main:whatsapp:direct:+15557654321": {
            "sessionId": "64bd724b-19f1-488c-ba60-270268fee672", "updatedAt": 1755849990000, "chatType": "direct",
            "providerOverride": "anthropic", "modelOverride": "claude-opus-4-6", "modelOverrideSource": "user",
            "modelProvider": "anthropic", "model": "claude-opus-4-6", "contextTokens": 200000,
            "authProfileOverride": "anthropic:default", "authProfileOverrideSource": "auto",
            "inputTokens": 1200, "outputTokens": 300, "totalTokens": 1500 },
          "agent:main:main": { "sessionId": "s2", "updatedAt": 1755849000000, "model": "gpt-5.2" },
          "agent:main:legacy": { "sessionId": "s3", "updatedAt": 1, "modelOverride": "openai/gpt-5.2" }
        }

        """
}
