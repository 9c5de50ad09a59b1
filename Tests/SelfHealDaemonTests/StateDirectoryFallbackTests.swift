import Foundation
import HealCore
import Testing
@testable import SelfHealDaemon

/// When the configured state directory cannot be made, the healer uses systemd's StateDirectory.
struct StateDirectoryFallbackTests {
    func config(stateFile: String) -> HealConfig {
        var config = HealConfig()
        config.stateFile = stateFile
        return config
    }

    // /proc does not let anyone create a directory, root included.
    let impossible = "/proc/self-heal-test/memory/self-heal-state.json"

    @Test func anImpossibleDirectoryFallsBackToTheStateDirectory() {
        let options = ServeOptions(environment: ["STATE_DIRECTORY": "/var/lib/openclaw-self-heal"])
        #expect(StateDirectoryFallback.directory(for: config(stateFile: impossible), options: options)
                == "/var/lib/openclaw-self-heal")
        // systemd passes several directories colon-separated when the unit names several.
        let several = ServeOptions(environment: ["STATE_DIRECTORY": "/var/lib/a:/var/lib/b"])
        #expect(StateDirectoryFallback.directory(for: config(stateFile: impossible), options: several) == "/var/lib/a")
    }

    @Test func aUsableDirectoryStays() throws {
        let directory = NSTemporaryDirectory() + "fallback-\(UUID().uuidString.prefix(8))/memory"
        defer { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }
        let options = ServeOptions(environment: ["STATE_DIRECTORY": "/var/lib/openclaw-self-heal"])
        #expect(StateDirectoryFallback.directory(for: config(stateFile: directory + "/state.json"), options: options) == nil)
        #expect(FileManager.default.fileExists(atPath: directory), "the missing directory was not created")
    }

    @Test func noFallbackWithoutSystemdOrWithAnExplicitStateDir() {
        #expect(StateDirectoryFallback.directory(for: config(stateFile: impossible), options: ServeOptions(environment: ["HOME": "/x"])) == nil)
        let explicit = ServeOptions(stateDir: "/somewhere", environment: ["STATE_DIRECTORY": "/var/lib/openclaw-self-heal"])
        #expect(StateDirectoryFallback.directory(for: config(stateFile: impossible), options: explicit) == nil)
    }

    @Test func withoutAFallbackTheStartFailsWithOneLineSayingWhatToDo() throws {
        let directory = NSTemporaryDirectory() + "fallback-e2e-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configFile = directory + "/config.json5"
        try #"{ stateFile: "/proc/self-heal-test/memory/self-heal-state.json", server: { listen: "127.0.0.1:0" } }"#
            .write(toFile: configFile, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
        process.arguments = ["serve", "--config", configFile]
        var environment = ProcessInfo.processInfo.environment
        for key in ["STATE_DIRECTORY", "NOTIFY_SOCKET", "WATCHDOG_USEC", "LISTEN_FDS", "LISTEN_PID", "JOURNAL_STREAM"] {
            environment.removeValue(forKey: key)
        }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        let line = output.split(separator: "\n").first { $0.contains("token file") } ?? ""
        #expect(line.contains("cannot create"), "\(output)")
        #expect(line.contains("create /proc/self-heal-test/memory as the service's user"), "\(output)")
        #expect(line.contains("--state-dir"), "\(output)")
    }
}
