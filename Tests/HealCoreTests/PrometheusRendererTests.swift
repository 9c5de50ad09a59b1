import Foundation
import Testing
@testable import HealCore

struct PrometheusRendererTests {
    func snapshot() -> StatusSnapshot {
        var s = ingest(HealState(), failure(modelA, .rateLimit, retryAfter: 100)).0
        s.whatsapp.lastStatus = "connected"
        s.pins["k"] = RememberedPin(original: modelA, repinnedTo: modelB, at: t0, lastAttemptAt: t0)
        let config = makeConfig { $0.modelOrder = [modelA, modelB, ModelID(provider: "odd\"model", model: "\\with\nnewline")] }
        return StatusBuilder.build(state: s, config: config, inputs: StatusInputs(
            now: at(10), version: "0.3.0", pid: 1, startedAt: t0, lastTickAt: at(10), lastTickDurationMs: 250,
            gateway: gatewayLive, faults: ["cron": "timed out", "audit-file": "disk full"],
            counters: .init(ticks: 7, gatewayRestarts: 1, healActions: [
                .init(action: "repin_session", result: "ok", dryRun: false, count: 2),
                .init(action: "disable_cron", result: "planned", dryRun: true, count: 1),
            ])))
    }

    static let families = [
        "build_info", "up", "health_status", "model_cooling", "model_cooldown_remaining_seconds", "model_active",
        "sessions_repinned", "whatsapp_connected", "whatsapp_disconnect_streak", "cron_failing_jobs", "cron_tracked_jobs",
        "plugins_errored", "plugins_disabled", "gateway_up", "gateway_restarts_total", "restart_budget_remaining",
        "restarts_paused", "heal_actions_total", "ticks_total", "tick_duration_seconds", "last_tick_timestamp_seconds",
        "probe_budget_remaining", "observation_faults", "uptime_seconds",
        "gateway_rpc_ok", "gateway_service_state", "gateway_safe_mode", "gateway_suspended", "gateway_recent_boots",
        "channel_restarts_total", "action_verifications_total", "verifications_pending", "flapping",
        "maintenance", "maintenance_remaining_seconds", "incidents_open", "incidents_opened_total", "incidents_resolved_total",
        "notify_queued", "notify_delivered_total", "notify_failed_total", "notify_dropped_total",
        "notify_last_success_timestamp_seconds",
    ]

    @Test func everyFamilyHasHelpAndTypeInTheContractOrder() {
        let text = PrometheusRenderer.render(snapshot())
        let typeLines = text.split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }
        #expect(typeLines.map { String($0.split(separator: " ")[2]) } == Self.families.map { "openclaw_self_heal_" + $0 })
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("# HELP ") }.count == Self.families.count)
        for line in typeLines where line.contains("_total ") { #expect(line.hasSuffix(" counter")) }
        for line in typeLines where !line.contains("_total ") { #expect(line.hasSuffix(" gauge")) }
        #expect(text.hasSuffix("\n"))
        #expect(PrometheusRenderer.render(snapshot()) == text, "deterministic")
    }

    @Test func samplesCarryTheSnapshot() {
        let text = PrometheusRenderer.render(snapshot())
        let expected = [
            #"openclaw_self_heal_build_info{version="0.3.0"} 1"#,
            "openclaw_self_heal_up 1",
            #"openclaw_self_heal_health_status{status="healthy"} 0"#,
            #"openclaw_self_heal_health_status{status="degraded"} 1"#,
            #"openclaw_self_heal_health_status{status="healing"} 0"#,
            #"openclaw_self_heal_model_cooling{model="anthropic/claude-opus-4-6"} 1"#,
            #"openclaw_self_heal_model_cooling{model="openai/gpt-5.2"} 0"#,
            #"openclaw_self_heal_model_cooldown_remaining_seconds{model="anthropic/claude-opus-4-6"} 90"#,
            #"openclaw_self_heal_model_active{model="openai/gpt-5.2"} 1"#,
            #"openclaw_self_heal_model_active{model="anthropic/claude-opus-4-6"} 0"#,
            "openclaw_self_heal_sessions_repinned 1",
            "openclaw_self_heal_whatsapp_connected 1",
            "openclaw_self_heal_gateway_up 1",
            "openclaw_self_heal_gateway_restarts_total 1",
            "openclaw_self_heal_restart_budget_remaining 3",
            "openclaw_self_heal_restarts_paused 0",
            #"openclaw_self_heal_heal_actions_total{action="disable_cron",result="planned",dry_run="true"} 1"#,
            #"openclaw_self_heal_heal_actions_total{action="repin_session",result="ok",dry_run="false"} 2"#,
            "openclaw_self_heal_ticks_total 7",
            "openclaw_self_heal_tick_duration_seconds 0.25",
            "openclaw_self_heal_last_tick_timestamp_seconds 1760000010",
            "openclaw_self_heal_probe_budget_remaining 12",
            #"openclaw_self_heal_observation_faults{source="audit-file"} 1"#,
            #"openclaw_self_heal_observation_faults{source="cron"} 1"#,
            "openclaw_self_heal_uptime_seconds 10",
        ]
        let lines = Set(text.split(separator: "\n").map(String.init))
        for line in expected { #expect(lines.contains(line), "missing: \(line)") }
    }

    @Test func labelValuesAreEscaped() {
        let text = PrometheusRenderer.render(snapshot())
        #expect(text.contains(#"openclaw_self_heal_model_cooling{model="odd\"model/\\with\nnewline"} 0"#))
        #expect(PrometheusText.escapeLabel("a\\b\"c\nd") == #"a\\b\"c\nd"#)
    }

    static let promtool = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(.enabled(if: promtool != nil, "promtool is not installed (Debian package prometheus): check skipped"))
    func promtoolAcceptsTheOutput() throws {
        let promtool = try #require(Self.promtool)
        let empty = StatusBuilder.build(state: HealState(), config: makeConfig { $0.modelOrder = [] },
                                        inputs: StatusInputs(now: t0, version: "0", pid: 1, startedAt: t0))
        for text in [PrometheusRenderer.render(snapshot()), PrometheusRenderer.render(empty)] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: promtool)
            process.arguments = ["check", "metrics"]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = output
            try process.run()
            input.fileHandleForWriting.write(Data(text.utf8))
            try input.fileHandleForWriting.close()
            let result = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let said = String(decoding: result, as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(said)")
            #expect(said.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "promtool warned: \(said)")
        }
    }
}
