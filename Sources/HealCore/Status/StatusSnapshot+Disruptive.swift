import FoundationEssentials

extension StatusSnapshot {
    /// Disruptive actions and the evidence around them: verifications pending and judged, the
    /// restart counters per scope, flapping, the breaker's boot count and the WhatsApp ladder.
    public struct DisruptiveStatus: Sendable, Equatable, Codable {
        public var pending: [PendingCheck]
        /// `<kind>` → count, since the state was created.
        public var verified: [String: Int]
        public var didNotHelp: [String: Int]
        public var recent: [VerificationVerdict]
        /// Channel restarts and gateway restarts the healer carried out since it started.
        public var channelRestarts: Int
        public var gatewayRestarts: Int
        public var whatsappFlapping: Bool
        public var gatewayFlapping: Bool
        /// Gateway boots within the breaker window, and the count that trips OpenClaw's safe mode.
        public var recentBoots: Int
        public var breakerBoots: Int
        /// none | gateway-next | exhausted.
        public var whatsappLadder: String
        public var channelLifecycleUnsupported: Bool
        /// Restarts planned in dry run within the window (they never touch the real budget).
        public var dryRunRestartsUsed: Int
        /// The gateway condition last reported: stopped-by-owner, failed, suspended, safe-mode, probe-fault.
        public var gatewayCondition: String?
    }

    public struct PendingCheck: Sendable, Equatable, Codable {
        public var kind: String
        public var target: String
        public var incident: String
        /// Unix seconds.
        public var startedAt: Int
        public var deadline: Int
        public var commandOutcome: String?
        public var awaitingNextStart: Bool
    }
}

extension StatusBuilder {
    static func disruptive(_ s: HealState, config: HealConfig, counters: StatusSnapshot.Counters, now: Date) -> StatusSnapshot.DisruptiveStatus {
        let d = s.disruptive
        func counts(_ result: String) -> [String: Int] {
            var out: [String: Int] = [:]
            for (key, n) in d.tally {
                let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
                if parts.count == 2, parts[1] == result { out[parts[0]] = n }
            }
            return out
        }
        let window = TimeInterval(config.gateway.breakerWindowSec)
        return .init(
            pending: d.verifications.map {
                .init(kind: $0.kind.rawValue, target: $0.target, incident: $0.incident, startedAt: unix($0.startedAt),
                      deadline: unix($0.deadline), commandOutcome: $0.commandOutcome?.rawValue, awaitingNextStart: $0.awaitingNextStart)
            },
            verified: counts("verified"), didNotHelp: counts("did-not-help"), recent: d.recent.map {
                var v = $0; v.detail = Redactor.redact(v.detail, maxBytes: 1000); return v
            },
            channelRestarts: counters.channelRestarts, gatewayRestarts: counters.gatewayRestarts,
            whatsappFlapping: d.whatsappFlap.isFlapping, gatewayFlapping: d.gatewayFlap.isFlapping,
            recentBoots: d.boots.filter { now.timeIntervalSince($0) < window }.count, breakerBoots: config.gateway.breakerBoots,
            whatsappLadder: d.ladder.step.rawValue, channelLifecycleUnsupported: d.ladder.channelLifecycleUnsupported,
            dryRunRestartsUsed: d.dryRunBudget.used(at: now, windowSec: config.restartBudget.windowSec),
            gatewayCondition: d.gatewayCondition)
    }
}
