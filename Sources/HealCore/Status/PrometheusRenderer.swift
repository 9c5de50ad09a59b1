/// Renders a `StatusSnapshot` as Prometheus text (format 0.0.4). Metric names are a contract: the
/// alert rules and the README use them.
public enum PrometheusRenderer {
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    public static func render(_ s: StatusSnapshot) -> String {
        var t = PrometheusText()
        let p = "openclaw_self_heal_"
        t.family(p + "build_info", .gauge, "Build information of the running healer.",
                 samples: [([("version", s.version)], 1)])
        t.single(p + "up", .gauge, "1 while the healer is running.", 1)
        t.family(p + "health_status", .gauge, "Overall health: 1 for the current status, 0 for the others.",
                 samples: Health.allCases.map { ([("status", $0.rawValue)], s.health == $0 ? 1 : 0) })
        t.family(p + "model_cooling", .gauge, "1 while the model is in cooldown.",
                 samples: s.models.map { ([("model", $0.id)], $0.status == .cooldown ? 1 : 0) })
        t.family(p + "model_cooldown_remaining_seconds", .gauge, "Seconds left on the model's cooldown.",
                 samples: s.models.map { ([("model", $0.id)], Double($0.cooldownRemainingSec)) })
        t.family(p + "model_active", .gauge, "1 for the model sessions fall back to now.",
                 samples: s.models.map { ([("model", $0.id)], $0.id == s.activeModel ? 1 : 0) })
        t.single(p + "sessions_repinned", .gauge, "Sessions the healer moved off a cooled model and will restore.",
                 Double(s.sessionsRepinned.count))
        t.single(p + "whatsapp_connected", .gauge, "1 when the default WhatsApp account is connected.",
                 s.whatsapp.status == "connected" ? 1 : 0)
        t.single(p + "whatsapp_disconnect_streak", .gauge, "Consecutive ticks the WhatsApp link was seen down.",
                 Double(s.whatsapp.disconnectStreak))
        t.single(p + "cron_failing_jobs", .gauge, "Cron jobs with counted failed runs, disabled or auto-disabled.",
                 Double(s.cron.failingJobs.count))
        t.single(p + "cron_tracked_jobs", .gauge, "Cron jobs the healer follows.", Double(s.cron.trackedJobs))
        t.single(p + "plugins_errored", .gauge, "Plugins whose status is error.", Double(s.plugins.errored.count))
        t.single(p + "plugins_disabled", .gauge, "Plugins the healer disabled.", Double(s.plugins.disabledByHealer.count))
        t.single(p + "gateway_up", .gauge, "1 when the gateway answered live at the last tick.",
                 s.gateway.live == true || (s.gateway.live == nil && s.gateway.reachable == true) ? 1 : 0)
        t.single(p + "gateway_restarts_total", .counter, "Gateway restarts the healer carried out.",
                 Double(s.counters.gatewayRestarts))
        t.single(p + "restart_budget_remaining", .gauge, "Gateway restarts left in the current window.",
                 Double(s.restartBudget.remaining))
        t.single(p + "restarts_paused", .gauge, "1 while gateway restarts are paused (budget spent).",
                 s.restartBudget.paused ? 1 : 0)
        let actions = s.counters.healActions.sorted {
            ($0.action, $0.result, $0.dryRun ? 1 : 0) < ($1.action, $1.result, $1.dryRun ? 1 : 0)
        }
        t.family(p + "heal_actions_total", .counter, "Heal actions by action, result and dry run.",
                 samples: actions.map { ([("action", $0.action), ("result", $0.result), ("dry_run", $0.dryRun ? "true" : "false")],
                                         Double($0.count)) })
        t.single(p + "ticks_total", .counter, "Monitor ticks completed.", Double(s.counters.ticks))
        t.single(p + "tick_duration_seconds", .gauge, "Duration of the last tick.",
                 Double(s.lastTick?.durationMs ?? 0) / 1000)
        t.single(p + "last_tick_timestamp_seconds", .gauge, "Unix time of the last tick (0 before the first).",
                 s.lastTick?.at ?? 0)
        t.single(p + "probe_budget_remaining", .gauge, "Model probes left in the rolling hour.",
                 Double(s.probes.remaining))
        t.family(p + "observation_faults", .gauge, "1 per current fault, by source.",
                 samples: s.faults.keys.sorted().map { ([("source", $0)], 1) })
        t.single(p + "uptime_seconds", .gauge, "Seconds since the healer started.", Double(s.uptimeSec))
        renderDisruptive(&t, s, prefix: p)
        renderIncidents(&t, s, prefix: p)
        return t.output
    }
}
