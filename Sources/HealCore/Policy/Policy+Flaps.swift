import FoundationEssentials

extension Policy {
    /// Flap detection for the gateway and the WhatsApp link. Drops the healer caused (while one of
    /// its restarts is being verified) do not count. While flapping, the restart rules wait; the
    /// start and the end of each flapping episode are one decision each.
    static func trackFlaps(_ s: inout HealState, gateway g: GatewayObservation, whatsapp: WhatsAppVerdict, now: Date,
                           config: HealConfig, into decisions: inout [Decision]) {
        let ours = s.disruptive.verifications.contains(where: \.isRestart)
        let gatewayUp: Bool?
        switch condition(of: g) {
        case .up: gatewayUp = true
        case .down, .failed: gatewayUp = false
        default: gatewayUp = nil
        }
        let gatewayChange = s.disruptive.gatewayFlap.note(up: gatewayUp, at: now, countDrop: !ours, config: config.flap)
        let gatewayTracker = s.disruptive.gatewayFlap
        report(gatewayChange, &s, rule: Rule.gatewayFlapping, what: "gateway", tracker: gatewayTracker,
               human: "the gateway keeps going down and coming back: no restarts while it flaps; look for the cause in `journalctl --user -u openclaw-gateway.service` (memory, a crashing plugin, the host)",
               now: now, config: config, into: &decisions)

        let linkUp: Bool?
        switch whatsapp {
        case .connected: linkUp = true
        case .disconnected, .recovering: linkUp = false
        default: linkUp = nil
        }
        let linkChange = s.disruptive.whatsappFlap.note(up: linkUp, at: now, countDrop: !ours, config: config.flap)
        let linkTracker = s.disruptive.whatsappFlap
        report(linkChange, &s, rule: Rule.whatsappFlapping, what: "WhatsApp link", tracker: linkTracker,
               human: "the WhatsApp link keeps dropping: no restarts while it flaps; check the phone's network and battery saver, and whether another device uses the session",
               now: now, config: config, into: &decisions)
    }

    private static func report(_ change: FlapTracker.Change, _ s: inout HealState, rule: String, what: String,
                               tracker: FlapTracker, human: String, now: Date, config: HealConfig,
                               into decisions: inout [Decision]) {
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
