import Foundation
import HealCore
import Testing
@testable import Notify

@Suite struct NotifyPayloadTests {
    static let started = Date(timeIntervalSince1970: 1_760_000_000)
    static let notice = IncidentNotice(
        id: "inc-1760000000-7/opened", incident: "inc-1760000000-7", event: .opened, severity: .critical,
        rule: "whatsapp-alert", title: "WhatsApp link needs a human", summary: "WhatsApp logged-out. Link it again.",
        evidence: ["health: logged-out", "status 401"], startedAt: started, dryRun: false, createdAt: started)

    func target(_ kind: NotifyTarget.Kind, token: String? = nil, chat: String = "") -> ResolvedTarget {
        ResolvedTarget(target: NotifyTarget(name: "t", kind: kind, chatId: chat), url: "https://r.example/x", bearerToken: token)
    }

    func object(_ bytes: [UInt8]?) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes ?? [])) as? [String: Any])
    }

    @Test func theWebhookBodyIsVersionOneWithEveryDocumentedField() throws {
        let r = NotifyPayload.request(for: Self.notice, target: target(.webhook, token: "abc123"), host: "box")
        #expect(r.method == "POST" && r.url == "https://r.example/x")
        #expect(r.headers == ["Content-Type: application/json", "Authorization: Bearer abc123"])
        let body = try object(r.body)
        #expect(Set(body.keys) == ["version", "id", "incident", "status", "event", "severity", "rule", "title", "summary",
                                   "evidence", "startedAt", "resolvedAt", "host", "dryRun"])
        #expect(body["version"] as? Int == 1)
        #expect(body["status"] as? String == "firing" && body["event"] as? String == "opened")
        #expect(body["startedAt"] as? String == "2025-10-09T08:53:20Z")
        #expect(body["resolvedAt"] is NSNull)
        #expect(body["evidence"] as? [String] == ["health: logged-out", "status 401"])
        var resolved = Self.notice
        resolved.event = .resolved
        resolved.resolvedAt = Self.started.addingTimeInterval(60)
        let r2 = try object(NotifyPayload.request(for: resolved, target: target(.webhook), host: "box").body)
        #expect(r2["status"] as? String == "resolved" && r2["resolvedAt"] as? String == "2025-10-09T08:54:20Z")
    }

    @Test func ntfyGetsTitlePriorityAndTagsAsHeaders() {
        let r = NotifyPayload.request(for: Self.notice, target: target(.ntfy, token: "tk_x"), host: "box")
        #expect(r.headers.contains("Title: WhatsApp link needs a human"))
        #expect(r.headers.contains("Priority: 5"))
        #expect(r.headers.contains("Tags: rotating_light,openclaw"))
        #expect(r.headers.contains("Authorization: Bearer tk_x"))
        let text = String(decoding: r.body ?? [], as: UTF8.self)
        #expect(text.hasPrefix("[FIRING] [critical]\nWhatsApp logged-out. Link it again.\n- health: logged-out"))
        #expect(text.contains("incident inc-1760000000-7 on box"))
    }

    @Test func chatKindsGetTheirNativeBodies() throws {
        let tg = try object(NotifyPayload.request(for: Self.notice, target: target(.telegram, chat: "-100123"), host: "box").body)
        #expect(tg["chat_id"] as? Int == -100123)
        #expect((tg["text"] as? String)?.hasPrefix("[FIRING] [critical] WhatsApp link needs a human\n") == true)
        let discord = try object(NotifyPayload.request(for: Self.notice, target: target(.discord), host: "box").body)
        #expect((discord["content"] as? String)?.contains("inc-1760000000-7") == true)
        #expect((discord["allowed_mentions"] as? [String: Any])?["parse"] as? [String] == [])
        let slack = try object(NotifyPayload.request(for: Self.notice, target: target(.slack), host: "box").body)
        #expect((slack["text"] as? String)?.contains("WhatsApp link needs a human") == true)
    }

    @Test func headerValuesStayPrintableASCII() {
        #expect(NotifyPayload.headerSafe("a\r\nInjected: x é") == "a??Injected: x ?")
    }
}
