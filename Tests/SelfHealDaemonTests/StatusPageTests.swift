import Foundation
import Testing
@testable import SelfHealDaemon

/// The status page's HTML building blocks on plain values (the page itself is tested against the
/// built daemon and in Chromium by DeploymentTests).
struct StatusPageTests {
    @Test func escapeCoversMarkupQuotesAndControlCharacters() {
        #expect(HTMLText.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLText.escape("a\u{1B}[31mb\u{7F}") == "a\u{FFFD}[31mb\u{FFFD}")
        #expect(HTMLText.escape("line\nnext\ttab") == "line\nnext\ttab")
    }

    @Test func outsideTextIsRedactedBeforeItIsEscaped() {
        let text = HTMLText.outside("429 <b>slow down</b> Authorization: Bearer abcdefghijklmnop1234")
        #expect(text.contains("&lt;b&gt;slow down&lt;/b&gt;"))
        #expect(!text.contains("abcdefghijklmnop1234"))
    }

    @Test func aSnapshotPartWithoutItsOwnSectionIsShownEscaped() throws {
        // What a later snapshot adds (incidents, say) appears without page code of its own.
        let json = #"{"incidents":[{"id":"inc-1","kind":"model","summary":"<script>x</script>","open":true},{"id":"inc-2","kind":"whatsapp","since":1764000000}]}"#
        let parts = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var page = HTMLWriter()
        GenericSection.render(&page, title: StatusPage.genericTitles["incidents"] ?? "incidents", value: parts["incidents"] as Any)
        #expect(page.html.contains("<h2>Open incidents</h2>"))
        #expect(page.html.contains("<th>id</th><th>kind</th><th>open</th><th>summary</th><th>since</th>"))
        #expect(page.html.contains("<td>inc-1</td>"))
        #expect(page.html.contains("<td>yes</td>"))
        #expect(page.html.contains("&lt;script&gt;x&lt;/script&gt;"))
        #expect(!page.html.contains("<script>"))
    }

    @Test func longPartsAreCut() {
        var page = HTMLWriter()
        GenericSection.render(&page, title: "many", value: (0..<80).map { ["n": $0] as [String: Any] })
        #expect(page.html.components(separatedBy: "<tr>").count - 1 == GenericSection.maxRows + 1)
        #expect(page.html.contains("and 30 more"))
    }
}
