import Foundation
import Testing
@testable import HealCore

/// Issue 12, point 2: the outage starts at the gateway's own evidence; recovering is not a
/// disconnect; every status code counts even without `healthState`.
struct PolicyWhatsAppEvidenceTests {
    func run(_ seq: [WhatsAppObservation], config: HealConfig = makeConfig(), from state: HealState = HealState(),
             start: Double = 0) -> (HealState, [[Decision]]) {
        var s = state
        var all: [[Decision]] = []
        for (i, w) in seq.enumerated() {
            let (next, d) = evaluate(s, observe(at: at(start + Double(i) * 60), whatsapp: .value(w)), config: config)
            s = next
            all.append(d)
        }
        return (s, all)
    }

    func restartTicks(_ all: [[Decision]]) -> [Int] {
        all.indices.filter { all[$0].contains { d in
            switch d.action { case .restartGateway?, .restartChannel?: return d.isRunnable; default: return false }
        } }
    }

    func down(since: Double?, connectedAt: Double? = nil) -> WhatsAppObservation {
        var w = WhatsAppObservation.down
        w.lastDisconnectAt = since.map(at)
        w.lastConnectedAt = connectedAt.map(at)
        return w
    }

    @Test func aLinkTheGatewayReportsDownForAnHourWaitsOnlyForTheThreshold() {
        // Down since an hour before the healer's first tick: the grace window (600 s) is long over.
        let (_, all) = run(Array(repeating: down(since: -3600), count: 4))
        #expect(restartTicks(all) == [1], "the second tick meets the threshold of 2")
    }

    @Test func withoutAGatewayTimeTheHealersFirstSightCounts() {
        let (_, all) = run(Array(repeating: down(since: nil), count: 12))
        #expect(restartTicks(all) == [10])
    }

    @Test func lastConnectedAtLaterThanTheDisconnectIsTheStart() {
        #expect(Policy.outageStart(down(since: -3600, connectedAt: -100), ourRestart: nil, firstSight: t0, now: t0).at == at(-100))
        #expect(Policy.outageStart(down(since: -100, connectedAt: -3600), ourRestart: nil, firstSight: t0, now: t0).at == at(-100))
    }

    @Test func aDropRightAfterOurOwnRestartCountsFromTheRestart() {
        // Our restart at 0 s; the gateway reports a disconnect from before it: the later one wins.
        #expect(Policy.outageStart(down(since: -500), ourRestart: at(0), firstSight: at(60), now: at(60)).at == at(0))
        // A fresh drop after our restart: it starts then.
        #expect(Policy.outageStart(down(since: 30), ourRestart: at(0), firstSight: at(60), now: at(60)).at == at(30))
        var s = HealState()
        s.whatsapp.lastRestartAt = at(0)
        // The drop right after our restart is not restarted at once: the grace window counts from it.
        let (_, all) = run(Array(repeating: down(since: 10), count: 12), from: s, start: 60)
        #expect(restartTicks(all) == [10], "600 s after the drop at 10 s: the tick at 660 s")
    }

    @Test func aLinkStillReconnectingIsNotADisconnect() {
        var legacyRetrying = WhatsAppObservation.reconnecting
        legacyRetrying.healthState = nil
        var starting = WhatsAppObservation.reconnecting
        starting.healthState = "starting"
        for w in [WhatsAppObservation.reconnecting, legacyRetrying, starting] {
            let (s, all) = run(Array(repeating: w, count: 30))
            #expect(restartTicks(all).isEmpty)
            #expect(s.whatsapp.lastStatus == "recovering" && s.whatsapp.disconnectStreak == 0)
        }
        var spent = legacyRetrying
        spent.reconnectAttempts = 10
        #expect(WhatsAppVerdict.judge(.value(spent)).status == "disconnected", "attempts spent: a disconnect")
    }

    @Test func statusCodesCountWithoutHealthState() {
        func legacy(_ code: Int) -> WhatsAppObservation {
            WhatsAppObservation(present: true, accountId: "default", enabled: true, configured: true, linked: true,
                                running: true, connected: false, lastDisconnectStatus: code)
        }
        #expect(WhatsAppVerdict.judge(.value(legacy(401))).status == "logged-out")
        #expect(WhatsAppVerdict.judge(.value(legacy(403))).status == "logged-out")
        #expect(WhatsAppVerdict.judge(.value(legacy(440))).status == "conflict")
        #expect(WhatsAppVerdict.judge(.value(legacy(428))).status == "disconnected")
        let reconnected = WhatsAppObservation(present: true, accountId: "default", enabled: true, configured: true, linked: true,
                                              running: true, connected: true, lastDisconnectStatus: 401)
        #expect(WhatsAppVerdict.judge(.value(reconnected)).status == "connected", "an old code after a reconnect says nothing")
        for code in [401, 440] {
            let (_, all) = run(Array(repeating: legacy(code), count: 20), config: makeConfig { $0.openclaw.channelRestartGraceSec = 0 })
            #expect(restartTicks(all).isEmpty)
            #expect(all.flatMap { $0 }.with(rule: Rule.whatsappAlert).count == 1)
        }
    }
}
