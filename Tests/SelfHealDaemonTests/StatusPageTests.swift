import Foundation
import Testing
@testable import SelfHealDaemon
@testable import HealCore

/// The status page's HTML building blocks on plain values (the page itself is tested against the
/// built daemon and in Chromium by DeploymentTests).
struct StatusPageTests {
    @Test func escapeCoversMarkupQuotesAndControlCharacters() {
        #expect(HTMLText.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLText.escape("a\u{1B}[31mb\u{7F}") == "a\u{FFFD}[31mb\u{FFFD}")
        #expect(HTMLText.escape("line\nnext\ttab") == "line\nnext\ttab")
    }

    @Test func carriageReturnsAndOtherControlsBecomeReplacementCharacters() {
        #expect(HTMLText.escape("a\r\nb\u{00}c\u{1F}") == "a\u{FFFD}\nb\u{FFFD}c\u{FFFD}")
        #expect(HTMLText.escape("é ünïcode") == "é ünïcode")
    }

    @Test func outsideTextIsRedactedBeforeItIsEscaped() {
        let text = HTMLText.outside("429 <b>slow down</b> Authorization: Bearer abcdefghijklmnop1234")
        #expect(text.contains("&lt;b&gt;slow down&lt;/b&gt;"))
        #expect(!text.contains("abcdefghijklmnop1234"))
    }

    @Test func aSnapshotPartWithoutItsOwnSectionIsShownEscaped() throws {
        // What a later snapshot adds appears without page code of its own.
        let json = #"{"notify":[{"id":"inc-1","kind":"model","summary":"<script>x</script>","open":true},{"id":"inc-2","kind":"whatsapp","since":1764000000}]}"#
        guard case .object(let parts) = try JSON5Value.parseJSON(Array(json.utf8)) else { Issue.record("not an object"); return }
        var page = HTMLWriter()
        GenericSection.render(&page, title: StatusPage.genericTitles["notify"] ?? "notify", value: parts["notify"] ?? .null)
        #expect(page.html.contains("<h2>Notifications</h2>"))
        #expect(page.html.contains("<th>id</th><th>kind</th><th>open</th><th>summary</th><th>since</th>"))
        #expect(page.html.contains("<td>inc-1</td>"))
        #expect(page.html.contains("<td>yes</td>"))
        #expect(page.html.contains("&lt;script&gt;x&lt;/script&gt;"))
        #expect(!page.html.contains("<script>"))
    }

    @Test func openIncidentsAndMaintenanceComeFirstEscaped() {
        var snapshot = StatusBuilder.build(state: HealState(), config: HealConfig(), inputs: StatusInputs(
            now: Date(timeIntervalSince1970: 1_764_600_000), version: "0.1.0", pid: 7,
            startedAt: Date(timeIntervalSince1970: 1_764_599_000), lastTickAt: nil, lastTickDurationMs: 0,
            gateway: nil, faults: [:], lastTickActed: false))
        snapshot.incidents = [
            .init(id: "inc-1", rule: Rule.whatsappAlert, subject: "", severity: "critical", title: "WhatsApp <needs> a human",
                  startedAt: 1_764_599_500, notified: true, reminders: 2, foldedInto: nil),
            .init(id: "inc-2", rule: Rule.cronAlert, subject: "j1", severity: "warning", title: "Cron job j1 keeps failing",
                  startedAt: 1_764_599_600, notified: false, reminders: 0, foldedInto: "inc-1"),
        ]
        snapshot.maintenance = .init(id: "inc-3", since: 1_764_599_900, until: 1_764_603_600, remainingSec: 3600,
                                     reason: "upgrade <b>")
        let html = StatusPage.render(snapshot, json: [:], decisions: [])
        #expect(html.contains("<h2>Open incidents (2)</h2>"))
        #expect(html.contains("WhatsApp &lt;needs&gt; a human · inc-1"))
        #expect(html.contains("<td>yes, 2 reminder(s)</td>"))
        #expect(html.contains("<td>folded into inc-1</td>"))
        #expect(html.contains("id=\"maintenance\">MAINTENANCE until"))
        #expect(html.contains("upgrade &lt;b&gt;") && !html.contains("<b>)"))
        let incidents = html.range(of: "id=\"incidents\"")!.lowerBound
        #expect(incidents < html.range(of: "id=\"models\"")!.lowerBound, "what needs a human comes first")
    }

    @Test func longPartsAreCut() {
        var page = HTMLWriter()
        GenericSection.render(&page, title: "many", value: .array((0..<80).map { .object(["n": .integer($0)]) }))
        #expect(page.html.components(separatedBy: "<tr>").count - 1 == GenericSection.maxRows + 1)
        #expect(page.html.contains("and 30 more"))
    }
}
