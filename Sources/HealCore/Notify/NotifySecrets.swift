import FoundationEssentials

/// Reads every secret `notify.*` names (at start, on reload, and in `check-config`), so a bad
/// file is refused before it is needed, with the key and the file named.
public enum NotifySecrets {
    /// Where telegram's Bot API lives; `{token}` is replaced by the bot token.
    public static let telegramURLTemplate = "https://api.telegram.org/bot{token}/sendMessage"

    public static func resolve(_ notify: HealConfig.Notify) -> Result<ResolvedNotify, NotifySecretsFailure> {
        var errors: [ConfigError] = []
        var targets: [ResolvedTarget] = []
        for (i, t) in notify.targets.enumerated() {
            let key = "notify.targets[\(i)]"
            func secret(_ name: String, _ path: String) -> String? {
                guard !path.isEmpty else { return nil }
                switch SecretFile.read(path, key: "\(key).\(name)") {
                case .success(let s): return s
                case .failure(let e): errors.append(e); return nil
                }
            }
            var url = t.url
            if let fromFile = secret("urlFile", t.urlFile) {
                if let problem = NotifyURL.problem(fromFile) {
                    errors.append(ConfigError(key: "\(key).urlFile", message: "\(t.urlFile): the URL in it is not usable: \(problem)"))
                } else {
                    url = fromFile
                }
            }
            let token = secret("tokenFile", t.tokenFile)
            if t.kind == .telegram, let bot = secret("botTokenFile", t.botTokenFile) {
                if bot.wholeMatch(of: #/[0-9]{1,20}:[A-Za-z0-9_-]{10,200}/#) == nil {
                    errors.append(ConfigError(key: "\(key).botTokenFile", message: "\(t.botTokenFile): does not hold a bot token (digits, ':', then letters, digits, '-' or '_')"))
                } else {
                    url = telegramURLTemplate.replacing("{token}", with: bot)
                }
            }
            if let token, token.contains(where: { $0 == " " }) {
                errors.append(ConfigError(key: "\(key).tokenFile", message: "\(t.tokenFile): a token has no spaces"))
            }
            targets.append(ResolvedTarget(target: t, url: url, bearerToken: token))
        }
        var heartbeat = notify.heartbeat.url.isEmpty ? nil : notify.heartbeat.url
        if !notify.heartbeat.urlFile.isEmpty {
            switch SecretFile.read(notify.heartbeat.urlFile, key: "notify.heartbeat.urlFile") {
            case .failure(let e): errors.append(e)
            case .success(let u):
                if let problem = NotifyURL.problem(u) {
                    errors.append(ConfigError(key: "notify.heartbeat.urlFile", message: "\(notify.heartbeat.urlFile): the URL in it is not usable: \(problem)"))
                } else {
                    heartbeat = u
                }
            }
        }
        if !notify.caFile.isEmpty && !FileManager.default.isReadableFile(atPath: notify.caFile) {
            errors.append(ConfigError(key: "notify.caFile", message: "\(notify.caFile): not a readable file"))
        }
        guard errors.isEmpty else { return .failure(NotifySecretsFailure(errors: errors)) }
        return .success(ResolvedNotify(targets: targets, heartbeatURL: heartbeat, heartbeatFromFile: !notify.heartbeat.urlFile.isEmpty))
    }
}

/// `notify.*` with every secret read.
public struct ResolvedNotify: Sendable, Equatable {
    public var targets: [ResolvedTarget]
    public var heartbeatURL: String?
    public var heartbeatFromFile: Bool

    public init(targets: [ResolvedTarget] = [], heartbeatURL: String? = nil, heartbeatFromFile: Bool = false) {
        self.targets = targets; self.heartbeatURL = heartbeatURL; self.heartbeatFromFile = heartbeatFromFile
    }

    /// Every secret of every target and the heartbeat, for scrubbing text that leaves the process.
    public var allSecrets: [String] {
        targets.flatMap(\.secrets) + (heartbeatURL.map { [$0] } ?? [])
    }
}

/// Every problem with the secret files of `notify.*`.
public struct NotifySecretsFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [ConfigError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
