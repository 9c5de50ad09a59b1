import Foundation

/// The test double's scenario directory: `scenario.json` (written atomically, so the double never
/// reads half a file) and `calls.jsonl` (every invocation, argv verbatim).
struct HardeningScenario {
    let directory: String

    var path: String { directory + "/scenario.json" }

    func write(_ scenario: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: scenario, options: [.prettyPrinted, .sortedKeys])
        let temp = path + ".test-\(UUID().uuidString.prefix(6))"
        try data.write(to: URL(fileURLWithPath: temp))
        guard rename(temp, path) == 0 else { throw DaemonProcess.Failure("rename \(temp): \(errno)") }
    }

    func read() -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object
    }

    /// Changes the scenario under the double's own lock (commands mutate it too).
    func update(_ change: (inout [String: Any]) -> Void) throws {
        let lock = open(directory + "/.scenario.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw DaemonProcess.Failure("open lock: \(errno)") }
        defer { close(lock) }
        flock(lock, LOCK_EX)
        var scenario = read()
        change(&scenario)
        try write(scenario)
    }

    struct Call {
        var tool: String
        var argv: [String]
        var ts: Int64
    }

    var calls: [Call] {
        guard let text = try? String(contentsOfFile: directory + "/calls.jsonl", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return Call(tool: object["tool"] as? String ?? "", argv: object["argv"] as? [String] ?? [],
                        ts: (object["ts"] as? NSNumber)?.int64Value ?? 0)
        }
    }

    /// Calls that change the gateway: restarts, disables, repins.
    var disruptiveCalls: [Call] {
        calls.filter { call in
            let words = call.argv.filter { !$0.hasPrefix("-") }
            if call.tool == "systemctl" { return words.first == "restart" }
            guard call.tool == "openclaw" else { return false }
            return words.starts(with: ["gateway", "restart"]) || words.starts(with: ["cron", "disable"])
                || words.starts(with: ["plugins", "disable"]) || words.starts(with: ["gateway", "call", "sessions.patch"])
                || words.starts(with: ["cron", "edit"])
                || words.starts(with: ["gateway", "call", "channels.stop"]) || words.starts(with: ["gateway", "call", "channels.start"])
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
