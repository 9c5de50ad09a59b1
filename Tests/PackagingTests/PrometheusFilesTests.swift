import Foundation
import Testing
import TestSupport

/// The Prometheus files in deploy/prometheus, checked by promtool: the rules parse, their unit tests
/// (alerts.test.yml) pass, and a Prometheus config made of scrape.yml plus the rules is valid.
@Suite struct PrometheusFilesTests {
    static let promtool = ExternalTool.find("promtool")
    static let missing: Comment = "promtool is not installed (Debian package prometheus)"

    @Test(.enabled(if: promtool != nil, missing))
    func alertRulesPass() throws {
        let result = try ExternalTool.run(Self.promtool!, ["check", "rules", Repository.deploy("prometheus/alerts.yml").path])
        #expect(result.status == 0, "\(result.standardOutput) \(result.standardError)")
    }

    @Test(.enabled(if: promtool != nil, missing))
    func alertRuleUnitTestsPass() throws {
        let result = try ExternalTool.run(Self.promtool!, ["test", "rules", Repository.deploy("prometheus/alerts.test.yml").path])
        #expect(result.status == 0, "\(result.standardOutput) \(result.standardError)")
    }

    @Test(.enabled(if: promtool != nil, missing))
    func scrapeConfigWithTheRulesIsAValidPrometheusConfig() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let scrape = try String(contentsOf: Repository.deploy("prometheus/scrape.yml"), encoding: .utf8)
        let config = """
            global:
              scrape_interval: 1m
              evaluation_interval: 1m
            rule_files:
              - \(Repository.deploy("prometheus/alerts.yml").path)

            """ + scrape
        let path = directory.url.appendingPathComponent("prometheus.yml")
        try config.write(to: path, atomically: true, encoding: .utf8)
        let result = try ExternalTool.run(Self.promtool!, ["check", "config", path.path])
        #expect(result.status == 0, "\(result.standardOutput) \(result.standardError)")
        #expect(result.standardOutput.contains("SUCCESS: 14 rules found"))
    }

    /// The metric names the alerts use are the ones the healer exports.
    @Test func alertsUseOnlyTheHealersMetricNames() throws {
        let known: Set<String> = [
            "up", "openclaw_self_heal_up", "openclaw_self_heal_last_tick_timestamp_seconds",
            "openclaw_self_heal_restarts_paused", "openclaw_self_heal_restart_budget_remaining",
            "openclaw_self_heal_gateway_up", "openclaw_self_heal_whatsapp_connected",
            "openclaw_self_heal_whatsapp_disconnect_streak", "openclaw_self_heal_cron_failing_jobs",
            "openclaw_self_heal_plugins_errored", "openclaw_self_heal_model_cooling",
            "openclaw_self_heal_model_active", "openclaw_self_heal_heal_actions_total",
            "openclaw_self_heal_observation_faults",
        ]
        let text = try String(contentsOf: Repository.deploy("prometheus/alerts.yml"), encoding: .utf8)
        var used: Set<String> = []
        for line in text.split(separator: "\n") {
            for word in line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
            where word.hasPrefix("openclaw_self_heal_") {
                used.insert(String(word))
            }
        }
        #expect(used.subtracting(known).isEmpty, "unknown metrics: \(used.subtracting(known).sorted())")
        #expect(used.count >= 12)
    }
}
