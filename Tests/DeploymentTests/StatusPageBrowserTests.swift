import Foundation
import Testing

/// The status page (`GET /`, `/ui`) against the built daemon: headers and escaping over curl, then
/// rendered by headless Chromium (text assertions on the DOM and a phone-sized screenshot).
@Suite(.serialized)
struct StatusPageBrowserTests {
    /// A provider error text that carries markup and a key, as a cron job's last error.
    static let hostileError = #"<script>alert("owned")</script><img src=x onerror=alert(1)> key sk-ant-api03-QWERTYUIOPASDFGHJKL"#

    static var scenario: String {
        let nowMs = Int(Date().timeIntervalSince1970 * 1000)
        let scenario: [String: Any] = [
            "gateway": "up",
            "whatsapp": "connected",
            "sessions": ["agent:main:main": ["sessionId": "s1", "providerOverride": "anthropic",
                                             "modelOverride": "claude-opus-4-6", "modelOverrideSource": "user"]],
            "cron": [["id": "job-7", "name": "nightly digest", "enabled": true,
                      "state": ["lastRunAtMs": nowMs - 60_000, "lastStatus": "error", "lastRunStatus": "error",
                                "lastError": hostileError, "consecutiveErrors": 2]]],
            "plugins": [["id": "voice-call", "name": "Voice Call", "enabled": true, "status": "loaded"]],
        ]
        let data = try! JSONSerialization.data(withJSONObject: scenario, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// A daemon with anthropic/claude-opus-4-6 cooled by a 429 and agent:main:main repinned.
    static func healedDaemon() throws -> LocalDaemon {
        let daemon = try LocalDaemon(scenario: scenario)
        try daemon.start()
        try daemon.logRateLimit(provider: "anthropic", model: "claude-opus-4-6", runId: "run-page-1")
        guard daemon.waitForCooledAndRepinned("anthropic/claude-opus-4-6") else {
            throw TestFailure("no cooled model and repinned session: \(daemon.status())\n\(daemon.stderr)")
        }
        return daemon
    }

    @Test func pageHeadersAreStrictAndOutsideTextIsEscaped() throws {
        let daemon = try Self.healedDaemon()
        defer { daemon.stop() }
        for path in ["/", "/ui"] {
            let page = try httpGet(daemon.url + path)
            #expect(page.status == 200)
            let headers = page.headers.lowercased()
            #expect(headers.contains("content-type: text/html; charset=utf-8"))
            #expect(headers.contains("content-security-policy: default-src 'none'; style-src 'sha256-"), "\(page.headers)")
            #expect(headers.contains("x-content-type-options: nosniff"))
            #expect(headers.contains("x-frame-options: deny"))
            #expect(!page.body.contains("<script"), "the page has a script element")
            #expect(!page.body.contains("<img"), "outside markup reached the page unescaped")
            #expect(page.body.contains("&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;"), "the cron error is not shown escaped")
            #expect(!page.body.contains("QWERTYUIOPASDFGHJKL"), "a key the redactor masks is on the page")
            // No resource of any kind is loaded, and every link stays on the daemon.
            #expect(!page.body.contains(" src=\""), "the page loads a resource")
            let links = page.body.components(separatedBy: "href=\"").dropFirst()
            #expect(links.allSatisfy { $0.hasPrefix("/") }, "a link leaves the daemon")
        }
        // The CSP names the inline style by its hash: recompute it from the page itself.
        let page = try httpGet(daemon.url + "/")
        let style = try #require(page.body.range(of: "<style>").flatMap { open in
            page.body.range(of: "</style>", range: open.upperBound..<page.body.endIndex).map { page.body[open.upperBound..<$0.lowerBound] }
        })
        if let openssl = Command.find("openssl") {
            let file = NSTemporaryDirectory() + "style-\(UUID().uuidString.prefix(6)).css"
            try String(style).write(toFile: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: file) }
            let digest = try Command.run(["sh", "-c", "\"$0\" dgst -sha256 -binary \"$1\" | base64", openssl, file])
            let hash = digest.output.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(page.headers.contains("'sha256-\(hash)'"), "the CSP hash does not match the inline style (\(hash))")
        } else {
            print("skipped the style hash check: openssl is not installed")
        }
        #expect(try httpGet(daemon.url + "/nothing-here").status == 404)
    }

    @Test func chromiumRendersCooledModelAndRepinnedSession() throws {
        guard let chromium = Command.find("chromium") else {
            print("skipped: chromium is not installed (make deps-test installs it: apt-get install chromium)")
            return
        }
        let daemon = try Self.healedDaemon()
        defer { daemon.stop() }
        let profile = daemon.directory + "/chromium-profile"
        let common = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                      "--disable-extensions", "--disable-background-networking", "--user-data-dir=" + profile]
        let dom = try Command.run(common + ["--dump-dom", daemon.url + "/ui"], timeout: 90)
        #expect(dom.succeeded, "\(dom)")
        let text = dom.output
        #expect(text.contains("anthropic/claude-opus-4-6"))
        #expect(text.contains("cooling"))
        #expect(text.contains("rate_limit"))
        #expect(text.contains("agent:main:main"))
        #expect(text.contains(">openai/gpt-5.2<"), "the active model is not shown")
        #expect(text.contains("Repinned sessions (1)"))
        #expect(text.contains("Gateway and WhatsApp"))
        #expect(text.contains("connected"))
        #expect(text.contains("gateway restarts"))
        #expect(text.contains("Last decisions"))
        #expect(text.contains("nightly digest"))
        // Chromium parsed the page: the hostile error is text, and no script element exists.
        #expect(!text.contains("<script"), "a script element reached the DOM")
        #expect(!text.contains("QWERTYUIOPASDFGHJKL"))

        // A phone-sized screenshot; STATUS_PAGE_SCREENSHOT names where to keep it (the README's
        // picture is docs/status-page.png).
        let target = ProcessInfo.processInfo.environment["STATUS_PAGE_SCREENSHOT"] ?? daemon.directory + "/status-page.png"
        let shot = try Command.run(common + ["--hide-scrollbars", "--window-size=430,1900", "--screenshot=" + target,
                                             daemon.url + "/ui"], timeout: 90)
        #expect(shot.succeeded, "\(shot)")
        let png = try Data(contentsOf: URL(fileURLWithPath: target))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        #expect(png.count > 20_000, "the screenshot is suspiciously small (\(png.count) bytes)")
    }
}
