import Foundation
import HealCore
import OpenClawKit
import Synchronization
import Testing
@testable import Notify

/// The notifier's workers with a receiver that never answers (a closed loopback port): messages are
/// on disk before delivery, retried, and dropped with a report once too old.
@Suite struct NotifierTests {
    final class Reports: Sendable {
        let drops = Mutex<[(String, OutboxEntry)]>([])
        let figures = Mutex<[NotifyTargetStatus]>([])
    }

    func notice(_ id: String, _ severity: IncidentSeverity = .critical) -> IncidentNotice {
        IncidentNotice(id: id, incident: "inc-1", event: .opened, severity: severity, rule: "r", title: "t", summary: "s",
                       evidence: [], startedAt: Date(), dryRun: false, createdAt: Date())
    }

    @Test func aMessageIsSavedBeforeDeliveryAndDroppedWhenTooOld() async throws {
        let dir = NSTemporaryDirectory() + "notifier-\(UUID().uuidString.prefix(8))"
        let reports = Reports()
        let notifier = Notifier(directory: dir, runner: CommandRunner(maxConcurrent: 2, outputCap: 1 << 16), userAgent: "test",
                                healthy: { true },
                                onStatus: { targets, _ in reports.figures.withLock { $0 = targets } },
                                onDrop: { target, entry in reports.drops.withLock { $0.append((target, entry)) } })
        var config = HealConfig.Notify()
        config.maxAgeSec = 2  // below the config's range on purpose: the test must not wait a minute
        config.timeoutSec = 2
        let target = ResolvedTarget(target: NotifyTarget(name: "closed", kind: .webhook, minSeverity: .warning,
                                                         url: "http://127.0.0.1:9/hook"), url: "http://127.0.0.1:9/hook")
        await notifier.apply(ResolvedNotify(targets: [target]), config: config)
        // Below the target's minSeverity: not queued, but taken (nothing to deliver).
        #expect(notifier.accept([notice("a", .info)]) == ["a"])
        #expect(notifier.accept([notice("b"), notice("c")]) == ["b", "c"])
        let file = try String(contentsOfFile: dir + "/closed.json", encoding: .utf8)
        #expect(file.contains("\"id\":\"b\"") && file.contains("\"id\":\"c\"") && !file.contains("\"id\":\"a\""))
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, reports.drops.withLock({ $0.count }) < 2 { try await Task.sleep(for: .milliseconds(100)) }
        let drops = reports.drops.withLock { $0 }
        #expect(drops.map(\.1.notice.id) == ["b", "c"])
        #expect(drops.allSatisfy { $0.0 == "closed" })
        #expect(drops.first?.1.attempts ?? 0 >= 1)
        #expect(drops.first?.1.lastError?.contains("curl: (7)") == true, "\(drops.first?.1.lastError ?? "")")
        let (status, _) = notifier.status()
        #expect(status.first?.dropped == 2 && status.first?.queued == 0 && (status.first?.failed ?? 0) >= 1)
        // A replay of a dropped message is not queued again.
        #expect(notifier.accept([notice("b")]) == ["b"])
        #expect(notifier.status().0.first?.queued == 0)
        await notifier.stop()
    }
}
