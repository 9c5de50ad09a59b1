/// One receiver of notifications (`notify.targets[]`). Secrets are never inline: they are named
/// by the `*File` keys and read by `NotifySecrets`.
public struct NotifyTarget: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case webhook, ntfy, telegram, discord, slack
    }

    /// Unique among the targets: 1 to 64 of `A-Z a-z 0-9 - _`; names the outbox file.
    public var name: String
    public var kind: Kind
    /// Messages below this severity are not sent to this target.
    public var minSeverity: IncidentSeverity = .warning
    /// The endpoint (webhook, ntfy topic, Discord or Slack incoming webhook). Exactly one of
    /// `url` and `urlFile` for every kind but telegram.
    public var url: String = ""
    public var urlFile: String = ""
    /// webhook: sent as `Authorization: Bearer`; ntfy: an access token, sent the same way.
    public var tokenFile: String = ""
    /// telegram only: the bot token (`123456:ABC…`).
    public var botTokenFile: String = ""
    /// telegram only: the chat to write to (a number, or `@channelname`).
    public var chatId: String = ""

    public init(name: String, kind: Kind, minSeverity: IncidentSeverity = .warning, url: String = "",
                urlFile: String = "", tokenFile: String = "", botTokenFile: String = "", chatId: String = "") {
        self.name = name; self.kind = kind; self.minSeverity = minSeverity; self.url = url
        self.urlFile = urlFile; self.tokenFile = tokenFile; self.botTokenFile = botTokenFile; self.chatId = chatId
    }

    /// Keys each target object accepts.
    static let keys = ["name", "kind", "minSeverity", "url", "urlFile", "tokenFile", "botTokenFile", "chatId"]

    /// The secret files this target names, with the key naming each.
    public var secretFiles: [(key: String, path: String)] {
        [("urlFile", urlFile), ("tokenFile", tokenFile), ("botTokenFile", botTokenFile)].filter { !$0.path.isEmpty }
    }
}
