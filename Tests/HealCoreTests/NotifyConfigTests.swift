import Foundation
import Testing
@testable import HealCore

/// `notify.*` in the config: every target checked with its index, secrets read from 0600 files and
/// never quoted in an error.
@Suite struct NotifyConfigTests {
    struct Errors: Error { var lines: [String] }

    func load(_ text: String) -> Result<HealConfig, Errors> {
        do throws(ConfigLoadFailure) {
            return .success(try ConfigLoader.load(text: text, path: "/x.json5", environment: ConfigEnvironment(variables: ["HOME": "/home/t"], homeDirectory: "/home/t")).config)
        } catch {
            return .failure(Errors(lines: error.errors.map(\.description)))
        }
    }

    @Test func validTargetsLoadWithTheirDefaults() throws {
        let c = try load("""
            { notify: { repeatIntervalSec: 60, targets: [
              { name: "hook", kind: "webhook", url: "https://h.example/in", tokenFile: "/etc/t" },
              { name: "me", kind: "telegram", botTokenFile: "/etc/bot", chatId: "-1001234", minSeverity: "critical" },
            ], heartbeat: { url: "https://hc-ping.com/abc", intervalSec: 60 } } }
            """).get()
        #expect(c.notify.targets.map(\.name) == ["hook", "me"])
        #expect(c.notify.targets[0].minSeverity == .warning)
        #expect(c.notify.targets[1].minSeverity == .critical)
        #expect(c.notify.heartbeat.url == "https://hc-ping.com/abc" && c.notify.heartbeat.intervalSec == 60)
    }

    @Test func everyProblemIsNamedWithItsIndex() {
        let r = load("""
            { notify: { targets: [
              { name: "a b", kind: "pager", url: "ftp://x" },
              { name: "s", kind: "slack", url: "https://user:pw@hooks.slack.com/services/SECRET", tokenFile: "/t" },
              { name: "tg", kind: "telegram" },
              { name: "dup", kind: "ntfy", url: "https://ntfy.sh/t" }, { name: "dup", kind: "ntfy", urlFile: "/u", colour: 1 },
            ], heartbeat: { url: "https://a.example/", urlFile: "/f" } } }
            """)
        guard case .failure(let failure) = r else { Issue.record("accepted"); return }
        let errors = failure.lines
        #expect(errors.contains("notify.targets[0].name: must be 1 to 64 letters, digits, '-' or '_', got \"a b\""))
        #expect(errors.contains { $0.hasPrefix("notify.targets[0].kind: must be one of \"webhook\", \"ntfy\", \"telegram\", \"discord\", \"slack\"") })
        #expect(errors.contains("notify.targets[0].url: the scheme must be https (or http), got \"ftp://x/…\""))
        #expect(errors.contains { $0.hasPrefix("notify.targets[1].url: credentials do not belong in the URL") })
        #expect(errors.contains { $0.hasPrefix("notify.targets[1].tokenFile: is not used by kind slack") })
        #expect(errors.contains("notify.targets[2].botTokenFile: is required for kind telegram"))
        #expect(errors.contains { $0.hasPrefix("notify.targets[2].chatId: is required for kind telegram") })
        #expect(errors.contains("notify.targets[4].colour: unknown key"))
        #expect(!errors.joined().contains("SECRET"), "a URL path is never quoted")
        let dupLoad = load("""
            { notify: { targets: [{ name: "dup", kind: "ntfy", url: "https://ntfy.sh/t" }, { name: "dup", kind: "ntfy", urlFile: "/u" }] } }
            """)
        guard case .failure(let dup) = dupLoad else { Issue.record("duplicate accepted"); return }
        #expect(dup.lines == ["notify.targets[1].name: duplicate of notify.targets[0].name (\"dup\")"])
        guard case .failure(let hb) = load(#"{ notify: { heartbeat: { url: "https://a.example/", urlFile: "/f" } } }"#) else { return }
        #expect(hb.lines == ["notify.heartbeat.url: and notify.heartbeat.urlFile are both set; give one"])
    }

    @Test func secretFilesMustBePrivateAndErrorsNeverQuoteThem() throws {
        let dir = NSTemporaryDirectory() + "secrets-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let token = dir + "/token"
        try "s3cr3t-VALUE-xyz\n".write(toFile: token, atomically: true, encoding: .utf8)
        chmod(token, 0o644)
        var n = HealConfig.Notify()
        n.targets = [NotifyTarget(name: "hook", kind: .webhook, url: "https://h.example/", tokenFile: token)]
        guard case .failure(let open) = NotifySecrets.resolve(n) else { Issue.record("world-readable accepted"); return }
        #expect(open.description == "notify.targets[0].tokenFile: \(token): readable or writable by group or others (mode 644); a secret file must be 0600 or stricter: chmod 600 \(token)")
        chmod(token, 0o600)
        let resolved = try NotifySecrets.resolve(n).get()
        #expect(resolved.targets[0].bearerToken == "s3cr3t-VALUE-xyz")
        #expect(resolved.allSecrets == ["s3cr3t-VALUE-xyz"])

        try "two\nlines\n".write(toFile: token, atomically: true, encoding: .utf8)
        chmod(token, 0o600)
        guard case .failure(let lines) = NotifySecrets.resolve(n) else { Issue.record("two lines accepted"); return }
        #expect(lines.description.contains("one line") && !lines.description.contains("two"))

        // Telegram: the bot token becomes part of the URL, which is then itself a secret.
        let bot = dir + "/bot"
        try "123456:ABCdefGhIJKlmnOPQ_rs-tu\n".write(toFile: bot, atomically: true, encoding: .utf8)
        chmod(bot, 0o600)
        n.targets = [NotifyTarget(name: "me", kind: .telegram, botTokenFile: bot, chatId: "42")]
        let tg = try NotifySecrets.resolve(n).get()
        #expect(tg.targets[0].url == "https://api.telegram.org/bot123456:ABCdefGhIJKlmnOPQ_rs-tu/sendMessage")
        #expect(tg.allSecrets == [tg.targets[0].url])
    }
}
