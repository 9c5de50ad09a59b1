import Foundation
import Testing
@testable import HealCore

struct StatusSnapshotTests {
    func build(_ s: HealState, config: HealConfig = makeConfig(), now: Date = at(10), gateway: GatewayObservation? = gatewayLive,
               faults: [String: String] = [:], acted: Bool = false) -> StatusSnapshot {
        StatusBuilder.build(state: s, config: config, inputs: StatusInputs(
            now: now, version: "0.1.0", pid: 77, startedAt: t0, lastTickAt: now, lastTickDurationMs: 12, gateway: gateway,
            faults: faults, lastTickActed: acted))
    }

    @Test func theSeedFieldsKeepTheirNamesAndShapes() throws {
        let s = ingest(HealState(), failure(modelA, .rateLimit, retryAfter: 100)).0
        let snap = build(s)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try #require(try JSONSerialization.jsonObject(with: encoder.encode(snap)) as? [String: Any])
        #expect(json["health"] as? String == "healing")
        #expect(json["activeModel"] as? String == modelB.description)
        let models = try #require(json["models"] as? [[String: Any]])
        #expect(models.map { $0["id"] as? String } == [modelA, modelB, modelC].map(\.description))
        #expect(models[0]["status"] as? String == "cooldown" && models[0]["cooldownRemainingSec"] as? Int == 90)
        #expect(models[1]["status"] as? String == "available" && models[1]["cooldownRemainingSec"] as? Int == 0)
        let whatsapp = try #require(json["whatsapp"] as? [String: Any])
        #expect(whatsapp["status"] as? String == "unknown" && whatsapp["disconnectStreak"] as? Int == 0)
        let cron = try #require(json["cron"] as? [String: Any])
        #expect(cron["trackedJobs"] as? Int == 0 && (cron["failingJobs"] as? [Any])?.isEmpty == true)
        let config = try #require(json["config"] as? [String: Any])
        #expect(config["dryRun"] as? Bool == false && config["probeEnabled"] as? Bool == true)
        #expect(config["cooldownMinutes"] as? Int == 300 && (config["modelOrder"] as? [String])?.count == 3)
        #expect(json["generatedAt"] as? Int == 1_760_000_010)
        for key in ["plugins", "gateway", "restartBudget", "sessionsRepinned", "probes", "lastTick", "faults", "counters",
                    "version", "pid", "uptimeSec", "startedAt"] {
            #expect(json[key] != nil, "\(key)")
        }
        #expect(json["uptimeSec"] as? Int == 10)
        // Sorted keys give a stable encoding.
        #expect(try encoder.encode(snap) == encoder.encode(build(s)))
    }

    struct HealthRow: Sendable, CustomStringConvertible {
        let name: String, expected: String
        let make: @Sendable () -> (HealState, GatewayObservation?, [String: String], Bool)
        var description: String { name }
    }

    static let healthRows: [HealthRow] = [
        HealthRow(name: "all quiet", expected: "healthy") { (HealState(), gatewayLive, [:], false) },
        HealthRow(name: "a model cooling", expected: "healing") {
            (ingest(HealState(), failure(modelA, .rateLimit)).0, gatewayLive, [:], false) },
        HealthRow(name: "acted last tick", expected: "healing") { (HealState(), gatewayLive, [:], true) },
        HealthRow(name: "gateway down", expected: "degraded") { (HealState(), gatewayDown, [:], false) },
        HealthRow(name: "a fault", expected: "degraded") { (HealState(), gatewayLive, ["cron": "timed out"], false) },
        HealthRow(name: "whatsapp logged out", expected: "degraded") {
            var s = HealState(); s.whatsapp.lastStatus = "logged-out"; return (s, gatewayLive, [:], false) },
        HealthRow(name: "restarts paused", expected: "degraded") {
            var s = HealState(); s.restartBudget.pausedUntil = at(1000); return (s, gatewayLive, [:], false) },
        HealthRow(name: "failing cron not handled", expected: "degraded") {
            var s = HealState(); s.crons["j"] = CronTrack(name: "j", failedRuns: 1); return (s, gatewayLive, [:], false) },
        HealthRow(name: "failing cron disabled by the healer", expected: "healthy") {
            var s = HealState(); s.crons["j"] = CronTrack(name: "j", failedRuns: 3, disabledByUs: true); return (s, gatewayLive, [:], false) },
        HealthRow(name: "every model cooling", expected: "degraded") {
            var s = HealState()
            for m in [modelA, modelB, modelC] {
                s.models[m] = ModelRecord(strikes: 1, cooldown: ModelCooldown(since: t0, until: at(100), reason: .rateLimit, source: "log", evidence: ""))
            }
            return (s, gatewayLive, [:], false) },
    ]

    @Test(arguments: healthRows)
    func health(_ row: HealthRow) {
        let (s, g, f, acted) = row.make()
        #expect(build(s, gateway: g, faults: f, acted: acted).health.rawValue == row.expected)
    }

    @Test func budgetSessionsAndProbesAreReported() {
        var s = HealState()
        s.restartBudget = RestartBudgetState(restarts: [at(-100), at(0)], lastRestartAt: at(0))
        s.pins["k"] = RememberedPin(original: modelA, repinnedTo: modelB, at: at(1), lastAttemptAt: at(1))
        s.probes = ProbeBook(lastProbeAt: [:], recent: [at(-4000), at(-10), at(5)], goodStreak: [modelA: 1])
        let snap = build(s)
        #expect(snap.restartBudget == .init(used: 2, max: 3, windowSec: 1800, remaining: 1, paused: false, lastRestartAt: 1_760_000_000))
        #expect(snap.sessionsRepinned.count == 1)
        #expect(snap.sessionsRepinned.sessions[0].originalGoodProbes == 1)
        #expect(snap.probes.usedLastHour == 2 && snap.probes.remaining == 10)
    }

    @Test func aPausedBudgetHasNothingRemaining() {
        var s = HealState()
        s.restartBudget = RestartBudgetState(restarts: [], lastRestartAt: at(-5000), pausedUntil: at(600), pauseReason: "spent")
        let snap = build(s)
        #expect(snap.restartBudget.paused && snap.restartBudget.remaining == 0)
        #expect(snap.restartBudget.pausedUntil == 1_760_000_600 && snap.restartBudget.pauseReason == "spent")
    }
}
