import Foundation
import Testing
@testable import HealCore

struct PolicyWhatsAppTests {
    /// Gateway restarts and channel restarts (issue 12: the channel comes first).
    func restarts(_ d: [Decision]) -> [Decision] {
        d.filter {
            switch $0.action {
            case .restartGateway?, .restartChannel?: return $0.isRunnable
            default: return false
            }
        }
    }

    /// Runs ticks 60 s apart from t0 with the given WhatsApp observations.
    func run(_ seq: [Observed<WhatsAppObservation>], config: HealConfig = makeConfig(), from state: HealState = HealState(),
             start: Double = 0) -> (HealState, [[Decision]]) {
        var s = state
        var all: [[Decision]] = []
        for (i, w) in seq.enumerated() {
            let (next, d) = evaluate(s, observe(at: at(start + Double(i) * 60), whatsapp: w), config: config)
            s = next
            all.append(d)
        }
        return (s, all)
    }

    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let observation: Observed<WhatsAppObservation>
        let status: String
        var description: String { name }
    }

    static let quiet: [Case] = [
        Case(name: "not set up", observation: .value(.notPresent), status: "not-configured"),
        Case(name: "disabled", observation: .value(WhatsAppObservation(present: true, enabled: false, configured: true, linked: true, connected: false)),
             status: "not-configured"),
        Case(name: "not configured", observation: .value(WhatsAppObservation(present: true, configured: false, linked: false, connected: false)),
             status: "not-configured"),
        Case(name: "gateway unreachable", observation: .value(.unreachable), status: "gateway-unreachable"),
        Case(name: "connected", observation: .value(.connected), status: "connected"),
    ]

    @Test(arguments: quiet)
    func neverARestart(_ c: Case) {
        let (s, all) = run(Array(repeating: c.observation, count: 30))
        #expect(all.flatMap { $0 }.filter { $0.action != nil || $0.rule.hasPrefix("whatsapp") }.isEmpty)
        #expect(s.whatsapp.disconnectStreak == 0)
        #expect(s.whatsapp.lastStatus == c.status)
    }

    @Test func anUnreachableGatewayLeavesTheStreakAlone() {
        let (s, _) = run([.value(.down), .value(.unreachable), .unavailable("channels status timed out"), .value(.unreachable)])
        #expect(s.whatsapp.disconnectStreak == 1)
        #expect(s.whatsapp.firstDisconnectedAt == t0)
    }

    @Test(arguments: [WhatsAppObservation.loggedOut, .conflict])
    func loggedOutOrReplacedAlertsOnceAndNeverRestarts(_ w: WhatsAppObservation) {
        let (s, all) = run(Array(repeating: .value(w), count: 40))
        let flat = all.flatMap { $0 }
        #expect(restarts(flat).isEmpty)
        #expect(flat.with(rule: Rule.whatsappAlert).count == 1)
        #expect(flat.allSatisfy { $0.action == nil })
        #expect(s.whatsapp.disconnectStreak == 0)
    }

    @Test func aRestartNeedsTheThresholdAndOpenClawsGraceWindow() {
        // Grace 600 s, threshold 2, ticks every 60 s: first seen down at 0 s; 600 s later is tick 10.
        let (s, all) = run(Array(repeating: .value(.down), count: 12))
        let restartTicks = all.indices.filter { !restarts(all[$0]).isEmpty }
        #expect(restartTicks == [10])
        let r = restarts(all[10])[0]
        // Issue 12: the first step is the channel, not the gateway.
        #expect(r.rule == Rule.channelRestart)
        #expect(r.metric == MetricEvent(event: "channel-restart", fields: ["disconnectStreak": .int(11), "downSec": .int(600)]))
        #expect(s.whatsapp.lastRestartAt == at(600))
        #expect(s.whatsapp.disconnectStreak == 1, "the restart starts the count over")
    }

    struct Threshold: Sendable, CustomStringConvertible {
        let threshold: Int, downTicks: Int, restart: Bool
        var description: String { "threshold \(threshold), \(downTicks) ticks down" }
    }

    static let thresholds: [Threshold] = [
        Threshold(threshold: 1, downTicks: 1, restart: true),
        Threshold(threshold: 2, downTicks: 1, restart: false),
        Threshold(threshold: 2, downTicks: 2, restart: true),
        Threshold(threshold: 5, downTicks: 4, restart: false),
        Threshold(threshold: 5, downTicks: 5, restart: true),
        Threshold(threshold: 10, downTicks: 10, restart: true),
    ]

    @Test(arguments: thresholds)
    func thresholdIsExact(_ t: Threshold) {
        let config = makeConfig { $0.autoFix.whatsappDisconnectThreshold = t.threshold; $0.openclaw.channelRestartGraceSec = 0 }
        let (_, all) = run(Array(repeating: .value(.down), count: t.downTicks), config: config)
        #expect(restarts(all.flatMap { $0 }).isEmpty == !t.restart)
        if t.restart { #expect(!restarts(all.last!).isEmpty, "the restart comes on the threshold tick itself") }
    }

    @Test func aReconnectInBetweenResetsTheStreak() {
        let config = makeConfig { $0.autoFix.whatsappDisconnectThreshold = 3; $0.openclaw.channelRestartGraceSec = 0 }
        let (_, all) = run([.value(.down), .value(.down), .value(.connected), .value(.down), .value(.down)], config: config)
        #expect(restarts(all.flatMap { $0 }).isEmpty)
    }

    @Test func theMinimumIntervalSinceTheLastRestartHolds() {
        let config = makeConfig {
            $0.autoFix.whatsappDisconnectThreshold = 1; $0.openclaw.channelRestartGraceSec = 0
            $0.autoFix.whatsappMinRestartIntervalSec = 600
        }
        // Ticks every 60 s, always down: restarts at 0 s, then not before 600 s after it.
        let (_, all) = run(Array(repeating: .value(.down), count: 12), config: config)
        let restartTicks = all.indices.filter { !restarts(all[$0]).isEmpty }
        #expect(restartTicks == [0, 10])
        let refused = all[1].filter { $0.rule == Rule.whatsappRestart }
        #expect(refused.count == 1 && refused[0].refusal?.hasPrefix("backoff:") == true, "refusals are audited decisions")
    }

    @Test func restartsOffMeansOneAlert() {
        let config = makeConfig { $0.autoFix.restartWhatsappOnDisconnect = false; $0.openclaw.channelRestartGraceSec = 0 }
        let (_, all) = run(Array(repeating: .value(.down), count: 10), config: config)
        let flat = all.flatMap { $0 }
        #expect(flat.allSatisfy { $0.action == nil })
        #expect(flat.with(rule: Rule.whatsappAlert).count == 1)
    }

    @Test func stoppedLinkCountsAsDisconnected() {
        let stopped = WhatsAppObservation(present: true, enabled: true, configured: true, linked: true, running: false,
                                          connected: false, healthState: "stopped")
        #expect(WhatsAppVerdict.judge(.value(stopped)).status == "disconnected")
        let unknown = WhatsAppObservation(present: true, enabled: true, configured: true, linked: true)
        #expect(WhatsAppVerdict.judge(.value(unknown)).status == "unknown")
    }

    @Test func noRestartWhileOpenClawJsonIsInvalid() {
        let config = makeConfig { $0.autoFix.whatsappDisconnectThreshold = 1; $0.openclaw.channelRestartGraceSec = 0 }
        var s = HealState()
        for i in 0..<5 {
            let (next, d) = evaluate(s, observe(at: at(Double(i) * 60), whatsapp: .value(.down), config: .invalid("bad")), config: config)
            s = next
            let r = d.with(rule: Rule.channelRestart)   // the first step of the ladder (issue 12)
            #expect(r.count == 1 && r[0].refusal == "config invalid: bad")
        }
        #expect(s.restartBudget.restarts.isEmpty, "a refused restart does not use the budget")
    }
}
