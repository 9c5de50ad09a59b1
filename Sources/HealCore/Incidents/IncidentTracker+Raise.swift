import FoundationEssentials

extension IncidentTracker {
    /// A condition raised this tick.
    struct Raised {
        var rule: String
        var subject: String
        /// The audit log's id for it (nil: take a new one if it opens).
        var incident: String?
        var trigger: String
        var evidence: [String]
    }

    static func raised(_ s: inout HealState, observation o: Observation, decisions: [Decision], now: Date,
                       config: HealConfig) -> [Raised] {
        var out: [Raised] = []
        for d in decisions {
            if IncidentCatalog.kinds[d.rule] != nil, d.action == nil || d.refusal == nil {
                out.append(Raised(rule: d.rule, subject: d.subject ?? d.action?.subjectId ?? "", incident: d.incident,
                                  trigger: d.trigger, evidence: d.evidence))
            }
            if let refusal = d.refusal, IncidentCatalog.isConfigRefusal(refusal) {
                out.append(Raised(rule: Rule.configInvalid, subject: "", incident: d.incident,
                                  trigger: "the healer refused to \(d.action?.summary ?? d.rule): \(refusal)", evidence: d.evidence))
            }
        }
        // The same reading of the gateway as the restart rule: RPC first, then the probes and the
        // unit's state. Stopped by its owner, suspended or starting is not an outage, and a unit
        // systemd gave up on has its own incident (`gateway-failed`): one outage, one message.
        let live = IncidentClear.gatewayUp(o)
        let down: Bool
        if case .down = Policy.condition(of: o.gateway) { down = true } else { down = false }
        if live { s.incidents.gatewayDownSince = nil }
        else if down, s.incidents.gatewayDownSince == nil { s.incidents.gatewayDownSince = now }
        if down, let since = s.incidents.gatewayDownSince, let lastLive = s.gateway.lastSeenLiveAt,
           now.timeIntervalSince(since) >= gatewayDownNotifySec(config) {
            out.append(Raised(rule: Rule.gatewayDown, subject: "", incident: nil,
                              trigger: "the gateway has been down for \(Int(now.timeIntervalSince(since))) s",
                              evidence: ["down since \(Timestamps.isoSeconds(since)); last seen live \(Timestamps.isoSeconds(lastLive))",
                                         "reachable: \(o.gateway.reachable.map(String.init) ?? "unknown"), live: \(o.gateway.live.map(String.init) ?? "unknown"), rpc ok: \(o.gateway.rpcOk.map(String.init) ?? "unknown"), unit: \(o.gateway.serviceState.rawValue)",
                                         "detail: \(o.gateway.detail)"]))
        }
        let pool = ModelPool(state: s, order: config.modelOrder, now: now)
        if !config.modelOrder.isEmpty, pool.available.isEmpty {
            let soonest = pool.soonestExpiry()
            out.append(Raised(rule: Rule.modelsAllCooling, subject: "", incident: nil,
                              trigger: "all \(config.modelOrder.count) models of modelOrder are in cooldown",
                              evidence: config.modelOrder.map { m in
                                  "\(m): cooling until \(s.models[m]?.cooldown.map { Timestamps.isoSeconds($0.until) } ?? "?")"
                              } + (soonest.map { ["first back: \($0.model) at \(Timestamps.isoSeconds($0.until))"] } ?? [])))
        }
        return out
    }
}
