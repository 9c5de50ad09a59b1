import Foundation
@testable import HealCore
import TestSupport

// Fixtures for the Healer tests (named *Tests.swift to sit with the tests it serves); the clock
// and the recording control are in TestSupport, shared with the daemon's in-process route tests.

/// A temporary directory with a config pointing every file into it.
struct HealerSandbox {
    let dir: String
    var config: HealConfig

    init(_ name: String = #function, _ change: (inout HealConfig) -> Void = { _ in }) {
        let dir = makeTempDir(name)
        self.dir = dir
        config = makeConfig {
            $0.stateFile = "\(dir)/state/self-heal-state.json"
            $0.statusFile = "\(dir)/status/self-heal-status.json"
            $0.metricsFile = "\(dir)/aahp/metrics.jsonl"
            $0.configFile = "\(dir)/openclaw.json"
            $0.configBackupsDir = "\(dir)/backups"
        }
        change(&config)
    }

    var stateFile: String { config.stateFile }
    var auditFile: String { "\(dir)/state/self-heal-audit.jsonl" }

    func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    func metrics() -> [[String: Any]] {
        lines(config.metricsFile).compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func cleanup() { removeTemp(dir) }
}

/// WhatsApp down ticks that restart at once (threshold 1, no grace).
func eagerRestarts(_ c: inout HealConfig) {
    c.autoFix.whatsappDisconnectThreshold = 1
    c.openclaw.channelRestartGraceSec = 0
    c.autoFix.whatsappMinRestartIntervalSec = 60
}
