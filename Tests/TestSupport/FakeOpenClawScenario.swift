import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A scenario directory of `Tests/Fixtures/fake-openclaw` (the double reads it from
/// `FAKE_OPENCLAW_DIR`): `scenario.json`, written atomically so the double never reads half a
/// file, and `calls.jsonl`, every invocation with its argv verbatim.
public struct FakeOpenClawScenario: Sendable {
    /// The double itself, `Tests/Fixtures/fake-openclaw`.
    public static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fake-openclaw").path

    public let directory: String
    public var path: String { directory + "/scenario.json" }

    /// Creates `directory` when it is missing.
    public init(directory: String) {
        self.directory = directory
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    public func write(_ scenario: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: scenario, options: [.prettyPrinted, .sortedKeys])
        let temporary = path + ".test-\(UUID().uuidString.prefix(6))"
        try data.write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, "errno": errno])
        }
    }

    /// The scenario as the double left it (commands change it: sessions patched, issues filed).
    public func read() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// `read()`, or an empty scenario when there is none or it does not parse.
    public var contents: [String: Any] { (try? read()) ?? [:] }

    /// Changes the scenario under the double's own lock (its commands change it too).
    public func update(_ change: (inout [String: Any]) -> Void) throws {
        let lock = open(directory + "/.scenario.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: directory, "errno": errno]) }
        defer { close(lock) }
        flock(lock, LOCK_EX)
        var scenario = contents
        change(&scenario)
        try write(scenario)
    }

    public struct Call: Sendable {
        /// `openclaw`, or the tool the double played (`gh`, `systemctl`).
        public var tool: String
        public var argv: [String]
        /// When the double was run, in milliseconds since 1970.
        public var ts: Int64
    }

    /// Every recorded call, in order (none before the first).
    public var records: [Call] {
        guard let text = try? String(contentsOfFile: directory + "/calls.jsonl", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return Call(tool: object["tool"] as? String ?? "openclaw", argv: object["argv"] as? [String] ?? [],
                        ts: (object["ts"] as? NSNumber)?.int64Value ?? 0)
        }
    }

    /// Every recorded call as the tool followed by its argv, e.g. `["openclaw", "cron", "list"]`.
    public func calls() -> [[String]] {
        records.map { [$0.tool] + $0.argv }
    }
}
