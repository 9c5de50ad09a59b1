import Foundation
import HealCore
import Testing
@testable import OpenClawKit

@Suite struct GatewayStatusParserTests {
    @Test func up() throws {
        let report = try GatewayStatusParser.parse(stdout: SheetSamples.gatewayStatusUp)
        var expected = GatewayStatusReport(rpcOK: true, rpcURL: "ws://127.0.0.1:18789", serviceRuntime: "running")
        expected.serviceState = .active
        expected.subState = "running"
        expected.pid = 4242
        #expect(report == expected)
    }

    @Test func unitStatesExitStatusSuspendAndSafeMode() throws {
        func status(_ runtime: String, extra: String = "") throws -> GatewayStatusReport {
            try GatewayStatusParser.parse(stdout: #"{"service":{"runtime":\#(runtime)},"rpc":{"ok":false}\#(extra)}"#,
                                          now: Date(timeIntervalSince1970: 2_000_000_000))
        }
        #expect(try status(#"{"status":"stopped","state":"inactive","subState":"dead"}"#).serviceState == .inactive)
        let failed = try status(#"{"status":"stopped","state":"failed","lastExitStatus":78}"#)
        #expect(failed.serviceState == .failed && failed.lastExitStatus == 78)
        #expect(try status(#"{"status":"stopped","state":"activating","subState":"auto-restart"}"#).serviceState == .activating)
        // "stopped" alone cannot tell an owner's stop from a crash.
        #expect(try status(#"{"status":"stopped"}"#).serviceState == .unknown)
        let started = try status(#"{"status":"running","pid":7,"startedAt":1999999000000}"#)
        #expect(started.pid == 7 && started.startedAt == Date(timeIntervalSince1970: 1_999_999_000))
        #expect(try status(#"{"uptimeMs":60000}"#).startedAt == Date(timeIntervalSince1970: 1_999_999_940))
        #expect(try status("{}", extra: #","suspend":{"active":true,"lease":{"owner":"x"}}"#).suspended)
        #expect(try status("{}", extra: #","update":{"inProgress":true}"#).suspended)
        #expect(try !status("{}", extra: #","suspend":{"active":false}"#).suspended)
        #expect(try status("{}", extra: #","safeMode":true"#).safeMode)
        #expect(try status("{}", extra: #","health":{"crashLoop":{"safeMode":true}}"#).safeMode)
    }

    @Test func healthSummarySafeModeAndStart() throws {
        let now = Date(timeIntervalSince1970: 2_000_000_000)
        let plain = try HealthSummaryParser.parse(stdout: #"{"ok":true,"ts":1,"channels":{}}"#, now: now)
        #expect(!plain.safeMode && plain.startedAt == nil)
        let safe = try HealthSummaryParser.parse(stdout: #"{"ok":true,"ts":1,"safeMode":true,"gateway":{"startedAt":"2033-05-18T03:33:20Z"}}"#, now: now)
        #expect(safe.safeMode && safe.startedAt == Date(timeIntervalSince1970: 2_000_000_000))
        #expect(throws: OpenClawOutputError.self) { try HealthSummaryParser.parse(stdout: #"{"nothing":1}"#) }
    }

    @Test func safeModeLineInTheGatewayLog() {
        let text = """
            {"0":"{\"subsystem\":\"gateway\"}","1":"listening","time":"2026-08-22T10:00:00.000Z"}
            {"0":"{\"subsystem\":\"gateway/health-monitor\"}","1":"[whatsapp:default] health-monitor: channel autostart suppressed; treating as expected stopped","time":"2026-08-22T10:00:05.000Z"}
            2026-08-22T10:01:00.000Z [health-monitor] channel autostart suppressed; treating as expected stopped
            no time here: autostart suppressed
            """
        #expect(SafeModeLogScan.latest(in: text) == Timestamps.parse("2026-08-22T10:01:00.000Z"))
        #expect(SafeModeLogScan.latest(in: "nothing to see\n") == nil)
    }

    @Test func downStillExitsZeroButRpcSaysNo() throws {
        let result = CommandResult(argv: [], exitCode: 0, stdout: SheetSamples.pluginPrefix + SheetSamples.gatewayStatusDown)
        let report = try GatewayStatusParser.parse(result)
        #expect(!report.rpcOK)
        #expect(report.rpcError == "connect ECONNREFUSED 127.0.0.1:18789")
        #expect(report.summary == "gateway status: rpc failed (connect ECONNREFUSED 127.0.0.1:18789) at ws://127.0.0.1:18789, service stopped")
    }

    @Test func noRpcIsATypedError() {
        #expect(throws: OpenClawOutputError(command: "gateway status --json",
                                            problem: .unexpectedShape("no rpc.ok in the payload (was --no-probe given?)"))) {
            try GatewayStatusParser.parse(stdout: #"{"service":{}}"#)
        }
        #expect(throws: OpenClawOutputError.self) { try GatewayStatusParser.parse(stdout: "Service: systemd (enabled)\n") }
        #expect(throws: OpenClawOutputError.self) {
            try GatewayStatusParser.parse(CommandResult(argv: [], exitCode: 1, stderr: "Gateway status failed: boom"))
        }
    }
}
