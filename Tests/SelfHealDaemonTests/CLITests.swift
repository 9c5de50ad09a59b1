import Foundation
import Testing
@testable import SelfHealDaemon
import TestSupport

/// The `openclaw-self-heal` commands as a user types them, against a running daemon.
@Suite(.serialized)
struct CLITests {
    struct Run { var status: Int32; var stdout: String; var stderr: String }

    func cli(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func statusReloadAndProbeAgainstARunningDaemon() throws {
        let daemon = try DaemonProcess(config: TestConfig.json5(), arguments: ["--openclaw-bin", "/nonexistent/openclaw"])
        try daemon.start()
        let address = try daemon.waitForListening()
        defer { daemon.stop() }
        let url = "http://" + address
        let tokenFile = daemon.directory + "/state/self-heal.token"
        _ = try daemon.client(address).request("POST", "/events", token: daemon.token,
                                                body: Array(#"{"model":"anthropic/claude-opus-4-6","error":"429 Too Many Requests"}"#.utf8))

        let human = try cli(["status", "--url", url])
        #expect(human.status == 0, "\(human.stderr)")
        #expect(human.stdout.contains("health:"))
        #expect(human.stdout.contains("anthropic/claude-opus-4-6: cooling"))
        #expect(human.stdout.contains("active:    openai/gpt-5.2"))
        #expect(human.stdout.contains("restarts:"))

        let json = try cli(["status", "--json", "--url", url])
        #expect(json.status == 0)
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["activeModel"] as? String == "openai/gpt-5.2")

        let reload = try cli(["reload", "--url", url, "--token-file", tokenFile])
        #expect(reload.status == 0, "\(reload.stderr)")
        #expect(reload.stdout.contains("\"changed\""))

        let probe = try cli(["probe", "--model", "anthropic/claude-opus-4-6", "--url", url, "--token-file", tokenFile])
        #expect(probe.status == 0, "\(probe.stderr)")
        #expect(probe.stdout.contains("anthropic/claude-opus-4-6"))

        let unknownModel = try cli(["probe", "--model", "nope/nope", "--url", url, "--token-file", tokenFile])
        #expect(unknownModel.status == 1)
        #expect(unknownModel.stderr.contains("not in modelOrder"))

        let wrongToken = daemon.directory + "/wrong.token"
        FileManager.default.createFile(atPath: wrongToken, contents: Data("nope\n".utf8), attributes: [.posixPermissions: 0o600])
        let refused = try cli(["reload", "--url", url, "--token-file", wrongToken])
        #expect(refused.status == 4, "\(refused.stderr)")
    }

    @Test func unreachableDaemonIsExitCode2() throws {
        let port = try FreePort.pick()
        let run = try cli(["status", "--url", "http://127.0.0.1:\(port)"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot connect"))
    }

    @Test func checkConfigReportsEveryErrorOrTheEffectiveConfig() throws {
        let dir = NSTemporaryDirectory() + "cli-check-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let bad = dir + "/bad.json5"
        try "{ cooldownMinutes: 0, autoFix: { cronFailThreshold: 99 }, typo: 1 }".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try cli(["check-config", bad])
        #expect(refused.status == 1)
        for key in ["cooldownMinutes", "autoFix.cronFailThreshold", "typo"] {
            #expect(refused.stderr.contains(key), "\(refused.stderr)")
        }
        let good = dir + "/good.json5"
        try "// comment\n{ cooldownMinutes: 60, }".write(toFile: good, atomically: true, encoding: .utf8)
        let accepted = try cli(["check-config", good])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout.contains("\"cooldownMinutes\" : 60") || accepted.stdout.contains("\"cooldownMinutes\": 60"))

        let example = DaemonProcess.packageRoot + "/deploy/config.example.json5"
        let shipped = try cli(["check-config", example])
        #expect(shipped.status == 0, "the shipped example must validate: \(shipped.stderr)")
    }

    @Test func versionAndHelp() throws {
        let version = try cli(["version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("openclaw-self-heal \(Daemon.version)"))
        for command in ["serve", "status", "check-config", "reload", "probe", "version"] {
            let help = try cli([command, "--help"])
            #expect(help.status == 0, "\(command) --help")
            #expect(help.stdout.contains("USAGE"), "\(command) --help")
        }
        let usage = try cli(["serve", "--log-level", "loud"])
        #expect(usage.status == 64, "\(usage.stderr)")
    }
}
