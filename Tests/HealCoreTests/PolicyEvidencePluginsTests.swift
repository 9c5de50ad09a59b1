import Foundation
import Testing
@testable import HealCore

/// Issue 13, point 2: bundled and channel plugins, the new status values, issue cooldowns.
struct PolicyEvidencePluginsTests {
    func plugin(_ id: String, status: String = "error", origin: String? = "global", channels: [String] = []) -> PluginObservation {
        PluginObservation(id: id, name: id, enabled: true, status: status, error: "Cannot find module 'x'",
                          origin: origin, channelIds: channels)
    }

    func tick(_ s: HealState, _ plugins: [PluginObservation], at seconds: Double, config: HealConfig = makeConfig()) -> (HealState, [Decision]) {
        evaluate(s, observe(at: at(seconds), plugins: .value(plugins)), config: config)
    }

    @Test(arguments: [("whatsapp", "bundled", [String]()), ("telegram-ext", "global", ["telegram"])])
    func bundledAndChannelPluginsAreNeverDisabled(id: String, origin: String, channels: [String]) {
        let config = makeConfig { $0.autoFix.issueRepo = "acme/ops"; $0.autoFix.pluginDisableCooldownSec = 3600 }
        var (s, d) = tick(HealState(), [plugin(id, origin: origin, channels: channels)], at: 0, config: config)
        #expect(d.rules() == [Rule.pluginProtected])
        #expect(d[0].action == nil)
        #expect(d[0].evidence.contains(Rule.humanAction(Rule.pluginProtected)))
        #expect(s.plugins[id]?.disabledByUs == false)
        (s, d) = tick(s, [plugin(id, origin: origin, channels: channels)], at: 60, config: config)
        #expect(d.isEmpty, "the alert keeps the disable cooldown's spacing")
        (s, d) = tick(s, [plugin(id, origin: origin, channels: channels)], at: 3600, config: config)
        #expect(d.rules() == [Rule.pluginProtected])
    }

    @Test(arguments: ["configured-unavailable", "quarantined"])
    func quarantinedPluginsAreFailures(status: String) {
        let (_, d) = tick(HealState(), [plugin("lossless-claw", status: status)], at: 0)
        #expect(d.actions() == [.disablePlugin(id: "lossless-claw")])
        #expect(d[0].evidence.first?.contains("status: \(status)") == true)
    }

    @Test func unknownStatusesAreNotLoadedReasonUnknownReportedOnce() {
        var (s, d) = tick(HealState(), [plugin("odd", status: "warming")], at: 0)
        #expect(d.rules() == [Rule.pluginStatusUnknown])
        #expect(d[0].action == nil)
        #expect(d[0].evidence.contains("read as: not loaded, reason unknown; left alone"))
        (s, d) = tick(s, [plugin("odd", status: "warming")], at: 60)
        #expect(d.isEmpty)
        (s, d) = tick(s, [plugin("odd", status: "stalled")], at: 120)
        #expect(d.rules() == [Rule.pluginStatusUnknown], "a new unknown value is a new condition")
        (s, d) = tick(s, [plugin("odd", status: "loaded")], at: 180)
        #expect(d.isEmpty && s.plugins["odd"]?.reported == nil)
    }

    @Test func aFailedIssueFilingDoesNotUseUpTheCooldown() throws {
        // The disable's own verification (issue 12) is given a window past this test's end: only the
        // issue cooldown is under test here.
        let config = makeConfig {
            $0.autoFix.issueRepo = "acme/ops"; $0.autoFix.pluginDisableCooldownSec = 600; $0.gateway.verifyWindowSec = 86_400
        }
        var (s, d) = tick(HealState(), [plugin("p")], at: 0, config: config)
        let issue = try #require(d.with(rule: Rule.pluginIssue).first)
        s = Policy.applyOutcome(state: s, decision: issue, ok: false, now: at(1))
        #expect(s.plugins["p"]?.lastIssueAt == nil)
        (s, d) = tick(s, [plugin("p")], at: 600, config: config)
        #expect(d.rules() == [Rule.pluginDisable, Rule.pluginIssue], "the next occasion files again")
        s = Policy.applyOutcome(state: s, decision: d[1], ok: true, now: at(601))
        (_, d) = tick(s, [plugin("p")], at: 1200, config: config)
        #expect(d.rules() == [Rule.pluginDisable], "a filed issue keeps its cooldown")
    }
}
