import Testing
@testable import OpenClawKit

@Suite struct GatewayStatusParserTests {
    @Test func up() throws {
        let report = try GatewayStatusParser.parse(stdout: SheetSamples.gatewayStatusUp)
        #expect(report == GatewayStatusReport(rpcOK: true, rpcURL: "ws://127.0.0.1:18789", serviceRuntime: "running"))
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
