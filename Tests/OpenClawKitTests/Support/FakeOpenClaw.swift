import Foundation
import HealCore
@testable import OpenClawKit

/// A scenario directory for `Tests/Fixtures/fake-openclaw`, and what the fake recorded in it.
final class FakeOpenClaw: @unchecked Sendable {
    static let scriptPath: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fake-openclaw").path

    struct Call: Equatable {
        var tool: String
        var argv: [String]
    }

    let dir = TemporaryDirectory("fake-openclaw")
    var environment: [String: String] { ["FAKE_OPENCLAW_DIR": dir.path] }
    var ghCommand: [String] { [Self.scriptPath, "--as=gh"] }
    var systemctlCommand: [String] { [Self.scriptPath, "--as=systemctl"] }

    init(_ scenario: [String: Any] = [:]) throws {
        try write(scenario)
    }

    func write(_ scenario: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: scenario, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: dir.file("scenario.json")))
    }

    func scenario() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: dir.file("scenario.json")))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func calls() throws -> [Call] {
        guard let text = try? dir.read("calls.jsonl") else { return [] }
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return Call(tool: object["tool"] as? String ?? "", argv: object["argv"] as? [String] ?? [])
        }
    }

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
