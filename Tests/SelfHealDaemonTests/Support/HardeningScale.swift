import Foundation

/// How hard the hardening tests push. `make test` runs the bounded scale; `make harden` sets
/// `OPENCLAW_SELF_HEAL_HARDEN=long` for the long runs, and `OPENCLAW_SELF_HEAL_HARDEN_FIGURES` to a
/// file that collects every figure the tests measure (one JSON object per line).
struct HardeningScale: Sendable {
    var slowlorisConnections: Int
    var slowlorisSeconds: Int
    /// A fresh client's /health must answer within this while the slowloris connections are held.
    var healthLatencyBoundMs: Double
    var hostileConnections: Int
    /// How long each random-bytes connection waits for an answer (the header timeout is 10 s).
    var randomWaitSeconds: Int
    var noReadMegabytes: Int
    var crashKills: Int
    var crashChurnBurstMs: ClosedRange<Int>

    static let current: HardeningScale = {
        let long = ProcessInfo.processInfo.environment["OPENCLAW_SELF_HEAL_HARDEN"] == "long"
        return long
            ? HardeningScale(slowlorisConnections: 1000, slowlorisSeconds: 60, healthLatencyBoundMs: 100,
                             hostileConnections: 200, randomWaitSeconds: 15, noReadMegabytes: 50, crashKills: 200,
                             crashChurnBurstMs: 50...2000)
            // A debug build on a shared two-core machine: generous bounds, smaller counts.
            : HardeningScale(slowlorisConnections: 200, slowlorisSeconds: 8, healthLatencyBoundMs: 1000,
                             hostileConnections: 40, randomWaitSeconds: 3, noReadMegabytes: 8, crashKills: 20,
                             crashChurnBurstMs: 50...900)
    }()

    /// Prints a figure and appends it to the figures file when `make harden` asked for one.
    static func record(_ name: String, _ figures: [String: Any]) {
        var entry = figures
        entry["figure"] = name
        entry["scale"] = ProcessInfo.processInfo.environment["OPENCLAW_SELF_HEAL_HARDEN"] ?? "bounded"
        guard let data = try? JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys]) else { return }
        let line = String(decoding: data, as: UTF8.self)
        print("hardening figure: \(line)")
        guard let path = ProcessInfo.processInfo.environment["OPENCLAW_SELF_HEAL_HARDEN_FIGURES"] else { return }
        if let handle = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() {
            handle.seekToEndOfFile()
            handle.write(Data((line + "\n").utf8))
            handle.closeFile()
        }
    }
}
