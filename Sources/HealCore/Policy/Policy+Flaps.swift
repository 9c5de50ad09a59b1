import FoundationEssentials

extension Policy {
    /// Flap detection for the gateway and the WhatsApp link. Drops the healer caused (while one of
    /// its restarts is being verified) do not count. While flapping, the restart rules wait; the
    /// start and the end of each flapping episode are one decision each.
    static func trackFlaps(_ s: inout HealState, gateway g: GatewayObservation, whatsapp: WhatsAppVerdict, now: Date,
                           config: HealConfig, into decisions: inout [Decision]) {
        let ours = s.disruptive.verifications.contains(where: \.isRestart)
        track(\.gatewayFlap, up: isUp(condition(of: g)), countDrop: !ours, &s, rule: Rule.gatewayFlapping, what: "gateway",
              human: "the gateway keeps going down and coming back: no restarts while it flaps; look for the cause in `journalctl --user -u openclaw-gateway.service` (memory, a crashing plugin, the host)",
              now: now, config: config, into: &decisions)
        track(\.whatsappFlap, up: isUp(whatsapp), countDrop: !ours, &s, rule: Rule.whatsappFlapping, what: "WhatsApp link",
              human: "the WhatsApp link keeps dropping: no restarts while it flaps; check the phone's network and battery saver, and whether another device uses the session",
              now: now, config: config, into: &decisions)
    }

    /// Up, down, or not known (a flap counts only what is known).
    private static func isUp(_ gateway: GatewayCondition) -> Bool? {
        switch gateway { case .up: true; case .down, .failed: false; default: nil }
    }

    private static func isUp(_ link: WhatsAppVerdict) -> Bool? {
        switch link { case .connected: true; case .disconnected, .recovering: false; default: nil }
    }

    /// Notes one up/down observation (nil: unknown) in `flap`, and decides on a flapping episode's
    /// start or end.
    private static func track(_ flap: WritableKeyPath<DisruptiveState, FlapTracker>, up: Bool?, countDrop: Bool,
                              _ s: inout HealState, rule: String, what: String, human: String, now: Date,
                              config: HealConfig, into decisions: inout [Decision]) {
        let change = s.disruptive[keyPath: flap].note(up: up, at: now, countDrop: countDrop, config: config.flap)
        let tracker = s.disruptive[keyPath: flap]
        switch change {
        case .none: return
        case .started:
            decisions.append(Decision(
                incident: s.nextIncident(at: now), rule: rule,
                trigger: "\(what) flapping: \(tracker.drops.count) drops in \(config.flap.windowSec) s (more than \(config.flap.count)); \(human)",
                evidence: tracker.drops.map { "dropped at \(iso($0))" },
                metric: MetricEvent(event: rule, fields: ["drops": .int(tracker.drops.count)])))
        case .stopped:
            decisions.append(Decision(
                incident: s.nextIncident(at: now), rule: Rule.flappingEnded,
                trigger: "\(what) stopped flapping: no drop for \(config.flap.quietSec) s", evidence: [rule]))
        }
    }
}
