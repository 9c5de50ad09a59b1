import Foundation
import HealCore
import Testing
@testable import Notify

@Suite struct OutboxTests {
    func notice(_ id: String) -> IncidentNotice {
        IncidentNotice(id: id, incident: "inc", event: .opened, severity: .warning, rule: "r", title: "t", summary: "s",
                       evidence: [], startedAt: Date(timeIntervalSince1970: 0), dryRun: false, createdAt: Date(timeIntervalSince1970: 0))
    }

    @Test func aReplayIsNotQueuedTwiceAndOrderIsKept() {
        var box = Outbox()
        let now = Date(timeIntervalSince1970: 100)
        #expect(box.enqueue([notice("a"), notice("b")], now: now) == 2)
        #expect(box.enqueue([notice("a"), notice("c")], now: now) == 1)
        #expect(box.pending.map(\.notice.id) == ["a", "b", "c"])
        box.delivered(at: now)
        #expect(box.enqueue([notice("a")], now: now) == 0, "delivered ids are remembered")
        #expect(box.pending.map(\.notice.id) == ["b", "c"])
    }

    @Test func failuresBackOffFromFiveSecondsToFiveMinutes() {
        #expect((1...8).map { Outbox.backoff(attempts: $0) } == [5, 10, 20, 40, 80, 160, 300, 300])
        var box = Outbox()
        let now = Date(timeIntervalSince1970: 100)
        _ = box.enqueue([notice("a")], now: now)
        box.failed(at: now, error: "HTTP 503")
        #expect(box.pending[0].nextAttemptAt == now.addingTimeInterval(5))
        #expect(box.failed == 1 && box.lastError == "HTTP 503")
    }

    @Test func oldMessagesAreDroppedAndRemembered() {
        var box = Outbox()
        _ = box.enqueue([notice("old")], now: Date(timeIntervalSince1970: 0))
        _ = box.enqueue([notice("new")], now: Date(timeIntervalSince1970: 1000))
        let dropped = box.dropExpired(now: Date(timeIntervalSince1970: 1001), maxAge: 500)
        #expect(dropped.map(\.notice.id) == ["old"])
        #expect(box.pending.map(\.notice.id) == ["new"] && box.dropped == 1 && box.holds("old"))
    }

    @Test func theFileRoundTripsAndACorruptOneIsMovedAside() throws {
        let dir = NSTemporaryDirectory() + "outbox-\(UUID().uuidString.prefix(8))"
        let path = dir + "/hook.json"
        var box = Outbox()
        _ = box.enqueue([notice("a")], now: Date(timeIntervalSince1970: 5))
        try box.save(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(Outbox.load(path: path).0 == box)
        try "{ not json".write(toFile: path, atomically: true, encoding: .utf8)
        let (fresh, note) = Outbox.load(path: path)
        #expect(fresh.pending.isEmpty && note?.contains("moved aside") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).contains { $0.hasPrefix("hook.json.corrupt-") })
    }
}
