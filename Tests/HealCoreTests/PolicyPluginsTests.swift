import Foundation
import Testing
@testable import HealCore

struct PolicyPluginsTests {
    func broken(_ id: String = "my-broken-plugin", enabled: Bool = true, status: String = "error") -> PluginObservation {
        PluginObservation(id: id, name: "My Broken Plugin", enabled: enabled, status: status, error: "Cannot find module 'left-pad'")
    }

    func tick(_ s: HealState, _ plugins: [PluginObservation], at seconds: Double, config: HealConfig = makeConfig(),
              file: ConfigFileObservation = .valid) -> (HealState, [Decision]) {
        evaluate(s, observe(at: at(seconds), plugins: .value(plugins), config: file), config: config)
    }

    @Test func anErroredPluginIsDisabledOncePerCooldownWithAnIssue() throws {
        let config = makeConfig { $0.autoFix.issueRepo = "acme/ops"; $0.autoFix.pluginDisableCooldownSec = 3600 }
        var (s, d) = tick(HealState(), [broken()], at: 0, config: config)
        #expect(d.map(\.rule) == [Rule.pluginDisable, Rule.pluginIssue])
        #expect(d[0].action == .disablePlugin(id: "my-broken-plugin"))
        #expect(d[0].metric == MetricEvent(event: "plugin-disabled", fields: ["pluginId": .string("my-broken-plugin")]))
        #expect(d[0].incident == d[1].incident)
        #expect(s.plugins["my-broken-plugin"]?.disabledByUs == true)
        (s, d) = tick(s, [broken()], at: 3599, config: config)
        // Issue 12: the plugin still shows enabled past the verification window: did-not-help.
        #expect(d.map(\.rule) == [Rule.actionDidNotHelp])
        (s, d) = tick(s, [broken()], at: 3600, config: config)
        #expect(d.map(\.rule) == [Rule.pluginDisable], "the issue keeps its own, longer cooldown")
    }

    @Test(arguments: ["openclaw-self-healing", "openclaw-self-heal", "openclaw-self-healing-elvatis", "OpenClaw-Self-Heal"])
    func theHealerNeverDisablesItself(_ id: String) {
        let config = makeConfig { $0.autoFix.issueRepo = "acme/ops" }
        let (_, d) = tick(HealState(), [broken(id)], at: 0, config: config)
        #expect(d.map(\.rule) == [Rule.pluginAlert])
        #expect(d.allSatisfy { $0.action == nil })
    }

    @Test func withDisablingOffAnAlertIsRaisedOnTheSameSpacing() {
        let config = makeConfig { $0.autoFix.disableFailingPlugins = false; $0.autoFix.pluginDisableCooldownSec = 600 }
        var (s, d) = tick(HealState(), [broken()], at: 0, config: config)
        #expect(d.map(\.rule) == [Rule.pluginAlert])
        (s, d) = tick(s, [broken()], at: 300, config: config)
        #expect(d.isEmpty)
        (_, d) = tick(s, [broken()], at: 600, config: config)
        #expect(d.map(\.rule) == [Rule.pluginAlert])
    }

    @Test(arguments: ["loaded", "disabled"])
    func healthyOrDisabledPluginsAreLeftAlone(_ status: String) {
        let (s, d) = tick(HealState(), [broken(status: status)], at: 0)
        #expect(d.isEmpty)
        #expect(s.plugins["my-broken-plugin"]?.lastStatus == status)
    }

    @Test func aMissingOrInvalidConfigRefusesTheDisableAndHoldsTheIssue() {
        let config = makeConfig { $0.autoFix.issueRepo = "acme/ops" }
        for file in [ConfigFileObservation.missing, .invalid("bad")] {
            let (s, d) = tick(HealState(), [broken()], at: 0, config: config, file: file)
            #expect(d.map(\.rule) == [Rule.pluginDisable])
            #expect(d[0].refusal != nil)
            #expect(s.plugins["my-broken-plugin"]?.lastDisableAt == nil)
        }
    }

    @Test func aFailedDisableDoesNotClaimThePluginButKeepsTheCooldown() throws {
        let (s, d) = tick(HealState(), [broken()], at: 0)
        let after = Policy.applyOutcome(state: s, decision: try #require(d.first), ok: false, now: at(1))
        #expect(after.plugins["my-broken-plugin"]?.disabledByUs == false)
        #expect(tick(after, [broken()], at: 60).1.isEmpty)
    }
}
