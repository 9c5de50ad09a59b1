extension PrometheusRenderer {
    /// The families of the disruptive-action rules (after the first round's, in this order).
    static func renderDisruptive(_ t: inout PrometheusText, _ s: StatusSnapshot, prefix p: String) {
        t.single(p + "gateway_rpc_ok", .gauge, "1 when `gateway status --json` reported rpc.ok at the last tick.",
                 s.gateway.rpcOk == true ? 1 : 0)
        t.family(p + "gateway_service_state", .gauge, "The gateway unit's systemd state: 1 for the current one.",
                 samples: GatewayServiceState.allCases.map { ([("state", $0.rawValue)], s.gateway.serviceState == $0.rawValue ? 1 : 0) })
        t.single(p + "gateway_safe_mode", .gauge, "1 while OpenClaw's crash-loop breaker holds the gateway in safe mode.",
                 s.gateway.safeMode == true ? 1 : 0)
        t.single(p + "gateway_suspended", .gauge, "1 while a suspend lease or an update holds the gateway.",
                 s.gateway.suspended == true ? 1 : 0)
        let d = s.disruptive
        t.single(p + "gateway_recent_boots", .gauge, "Gateway boots within the crash-loop breaker's window.",
                 Double(d?.recentBoots ?? 0))
        t.single(p + "channel_restarts_total", .counter, "WhatsApp channel stop/start (and safe-mode starts) the healer carried out.",
                 Double(s.counters.channelRestarts))
        var verdicts: [(labels: [(String, String)], value: Double)] = []
        for kind in PendingVerification.Kind.allCases.map(\.rawValue) {
            verdicts.append(([("kind", kind), ("result", "verified")], Double(d?.verified[kind] ?? 0)))
            verdicts.append(([("kind", kind), ("result", "did-not-help")], Double(d?.didNotHelp[kind] ?? 0)))
        }
        t.family(p + "action_verifications_total", .counter, "Disruptive actions judged, by kind and result (kept across restarts).",
                 samples: verdicts)
        t.single(p + "verifications_pending", .gauge, "Disruptive actions whose effect is still being checked.",
                 Double(d?.pending.count ?? 0))
        t.family(p + "flapping", .gauge, "1 while the target goes down and up too often (no restarts meanwhile).",
                 samples: [([("target", "gateway")], d?.gatewayFlapping == true ? 1 : 0),
                           ([("target", "whatsapp")], d?.whatsappFlapping == true ? 1 : 0)])
    }
}
