import Foundation
import HealCore
@testable import OpenClawKit
import TestSupport

/// A scenario directory for `Tests/Fixtures/fake-openclaw` (`TestSupport.FakeOpenClawScenario`)
/// that goes with the value, and the control and config that run the fake.
final class FakeOpenClaw: @unchecked Sendable {
    static let scriptPath = FakeOpenClawScenario.script

    struct Call: Equatable {
        var tool: String
        var argv: [String]
    }

    let dir = TemporaryDirectory("fake-openclaw")
    var files: FakeOpenClawScenario { FakeOpenClawScenario(directory: dir.path) }
    var environment: [String: String] { ["FAKE_OPENCLAW_DIR": dir.path] }
    var ghCommand: [String] { [Self.scriptPath, "--as=gh"] }
    var systemctlCommand: [String] { [Self.scriptPath, "--as=systemctl"] }

    init(_ scenario: [String: Any] = [:]) throws {
        try write(scenario)
    }

    func write(_ scenario: [String: Any]) throws { try files.write(scenario) }

    func scenario() throws -> [String: Any] { try files.read() }

    func calls() throws -> [Call] { files.records.map { Call(tool: $0.tool, argv: $0.argv) } }

    /// A config that runs this fake as `openclaw`.
    func config(timeoutSec: Int = 10, gatewayUrl: String = "http://127.0.0.1:1") -> HealConfig {
        var config = HealConfig()
        config.openclaw.bin = Self.scriptPath
        config.openclaw.commandTimeoutSec = timeoutSec
        config.openclaw.gatewayUrl = gatewayUrl
        config.sessionsFile = dir.file("no-such-sessions.json")
        config.configFile = dir.file("openclaw.json")
        return config
    }

    func control(_ runner: CommandRunner = CommandRunner()) -> OpenClawControl {
        OpenClawControl(runner: runner, extraEnvironment: environment, ghCommand: ghCommand, systemctlCommand: systemctlCommand)
    }
}
