import Foundation
import Testing
import TestSupport

/// `deploy/grafana/openclaw-self-heal.json`: importable as is, and every panel's query runs without
/// error and returns data against a real Prometheus that scraped the daemon.
@Suite(.serialized)
struct GrafanaDashboardTests {
    static let file = Repository.path("deploy/grafana/openclaw-self-heal.json")

    func dashboard() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.file))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Every (panel title, expr) pair, rows' nested panels included.
    func queries(_ dashboard: [String: Any]) -> [(panel: String, expr: String)] {
        var panels = dashboard["panels"] as? [[String: Any]] ?? []
        panels += panels.flatMap { $0["panels"] as? [[String: Any]] ?? [] }
        return panels.flatMap { panel in
            (panel["targets"] as? [[String: Any]] ?? []).compactMap { target in
                (target["expr"] as? String).map { (panel["title"] as? String ?? "?", $0) }
            }
        }
    }

    @Test func importableAsIsWithAPrometheusInput() throws {
        let board = try dashboard()
        let inputs = board["__inputs"] as? [[String: Any]] ?? []
        #expect(inputs.contains { $0["name"] as? String == "DS_PROMETHEUS" && $0["pluginId"] as? String == "prometheus" })
        #expect(board["id"] is NSNull, "an exported dashboard has no id")
        #expect(board["uid"] as? String == "openclaw-self-heal")
        let panels = (board["panels"] as? [[String: Any]] ?? []).filter { $0["type"] as? String != "row" }
        for panel in panels {
            let source = (panel["datasource"] as? [String: Any])?["uid"] as? String
            #expect(source == "${DS_PROMETHEUS}", "panel \(panel["title"] ?? "?") does not use the input")
            #expect(panel["gridPos"] is [String: Any])
        }
        let ids = panels.compactMap { $0["id"] as? Int }
        #expect(Set(ids).count == ids.count, "duplicate panel ids")
        // What the issue asks the board to show.
        let titles = Set(panels.compactMap { $0["title"] as? String })
        for wanted in ["Health", "Models cooling", "Sessions repinned", "Gateway and WhatsApp", "Gateway restarts",
                       "Restart budget", "Heal actions by result", "Cron jobs", "Plugins", "Tick duration",
                       "Observation faults"] {
            #expect(titles.contains(wanted), "no panel \(wanted)")
        }
    }

    @Test func everyPanelQueryReturnsDataFromAPrometheusThatScrapedTheDaemon() throws {
        guard let prometheus = Command.find("prometheus") else {
            print("skipped: prometheus is not installed (apt-get install prometheus)")
            return
        }
        let daemon = try LocalDaemon(scenario: StatusPageBrowserTests.scenario)
        // A status file that cannot be written: a current fault for the faults panels.
        try FileManager.default.createDirectory(atPath: daemon.directory + "/state/self-heal-status.json",
                                                withIntermediateDirectories: true)
        try daemon.start()
        defer { daemon.stop() }
        try daemon.logRateLimit(provider: "anthropic", model: "claude-opus-4-6", runId: "run-grafana-1")
        #expect(daemon.waitForCooledAndRepinned("anthropic/claude-opus-4-6"), "\(daemon.status())")

        let port = try FreePort.pick()
        let dir = daemon.directory + "/prometheus"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try """
            global: { scrape_interval: 1s, scrape_timeout: 1s }
            scrape_configs:
              - job_name: openclaw-self-heal
                metrics_path: /metrics
                static_configs: [{ targets: ["127.0.0.1:\(daemon.port)"] }]
            """.write(toFile: dir + "/prometheus.yml", atomically: true, encoding: .utf8)
        let pid = try Command.spawn([prometheus, "--config.file=\(dir)/prometheus.yml", "--storage.tsdb.path=\(dir)/data",
                                     "--web.listen-address=127.0.0.1:\(port)", "--log.level=warn"],
                                    output: dir + "/log", errors: dir + "/log")
        defer {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            let deadline = Date().addingTimeInterval(10)
            while waitpid(pid, &status, WNOHANG) == 0 {
                if Date() > deadline { kill(pid, SIGKILL); waitpid(pid, &status, 0); break }
                usleep(20_000)
            }
        }
        let api = "http://127.0.0.1:\(port)/api/v1/query?query="
        func query(_ expr: String) throws -> [String: Any] {
            let encoded = expr.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? expr
            let answer = try httpGet(api + encoded, timeout: 10)
            return (try? JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any]) ?? ["raw": answer.body]
        }
        // Enough scrapes that rate() and increase() over the panel interval have points.
        let scraped = eventually(timeout: 60, interval: 0.5) {
            let answer = (try? query("count_over_time(openclaw_self_heal_up[1m])")) ?? [:]
            let result = ((answer["data"] as? [String: Any])?["result"] as? [[String: Any]]) ?? []
            let count = ((result.first?["value"] as? [Any])?.last as? String).flatMap(Double.init) ?? 0
            return count >= 8
        }
        #expect(scraped, "Prometheus did not scrape the daemon: \((try? String(contentsOfFile: dir + "/log", encoding: .utf8)) ?? "")")

        let all = queries(try dashboard())
        #expect(all.count >= 20)
        for (panel, expr) in all {
            // Grafana's variables, as the dashboard's defaults resolve them.
            let resolved = expr.replacingOccurrences(of: "$__rate_interval", with: "30s")
                .replacingOccurrences(of: "$instance", with: ".+")
            let answer = try query(resolved)
            #expect(answer["status"] as? String == "success", "\(panel): \(expr): \(answer)")
            let result = (answer["data"] as? [String: Any])?["result"] as? [[String: Any]] ?? []
            #expect(!result.isEmpty, "\(panel): \(expr) returned no data")
        }
        // The faults panel sees the real fault, not only its zero fallback.
        let faults = try query(#"max by (source) (openclaw_self_heal_observation_faults{instance=~".+"})"#)
        #expect("\(faults)".contains("status-file"), "\(faults)")
    }
}
