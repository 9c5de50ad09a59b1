import FoundationEssentials

/// `notify.targets`: an array of target objects, each checked key by key so every problem is
/// reported at once with its index (`notify.targets[1].url`).
enum NotifyTargetsField {
    static let maxTargets = 32

    static func decode(_ value: JSON5Value, key: String) -> (targets: [NotifyTarget], errors: [ConfigError]) {
        guard case .array(let items) = value else {
            return ([], [ConfigError(key: key, message: "must be an array of target objects, got \(value.shortDescription)")])
        }
        if items.count > maxTargets {
            return ([], [ConfigError(key: key, message: "must list at most \(maxTargets) targets, got \(items.count)")])
        }
        var targets: [NotifyTarget] = []
        var errors: [ConfigError] = []
        var names: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let itemKey = "\(key)[\(i)]"
            switch decodeOne(item, key: itemKey) {
            case .failure(let problems): errors += problems.errors
            case .success(let target):
                if let first = names[target.name] {
                    errors.append(ConfigError(key: itemKey + ".name", message: "duplicate of \(key)[\(first)].name (\(JSON5Value.quote(target.name)))"))
                } else {
                    names[target.name] = i
                    targets.append(target)
                }
            }
        }
        return (targets, errors)
    }

    private static func decodeOne(_ item: JSON5Value, key: String) -> Result<NotifyTarget, ConfigProblems> {
        guard case .object(let m) = item else {
            return .failure(ConfigProblems([ConfigError(key: key, message: "must be an object with name and kind, got \(item.shortDescription)")]))
        }
        var errors: [ConfigError] = []
        for k in m.keys.sorted() where !NotifyTarget.keys.contains(k) {
            var message = "unknown key"
            if let near = ConfigKeySuggester.suggestion(for: k, among: NotifyTarget.keys) { message += " (did you mean \(near)?)" }
            errors.append(ConfigError(key: "\(key).\(k)", message: message))
        }
        func string(_ k: String) -> String? {
            guard let v = m[k] else { return nil }
            guard case .string(let s) = v else {
                errors.append(ConfigError(key: "\(key).\(k)", message: "must be a string, got \(v.shortDescription)"))
                return nil
            }
            return s
        }
        let name = string("name") ?? ""
        if m["name"] == nil { errors.append(ConfigError(key: "\(key).name", message: "is required")) }
        else if name.wholeMatch(of: #/[A-Za-z0-9_-]{1,64}/#) == nil {
            errors.append(ConfigError(key: "\(key).name", message: "must be 1 to 64 letters, digits, '-' or '_', got \(JSON5Value.quote(name))"))
        }
        let kinds = NotifyTarget.Kind.allCases.map(\.rawValue)
        let kindText = string("kind")
        let kind = kindText.flatMap(NotifyTarget.Kind.init(rawValue:))
        if m["kind"] == nil { errors.append(ConfigError(key: "\(key).kind", message: "is required (one of \(kinds.joined(separator: ", ")))")) }
        else if let kindText, kind == nil {
            errors.append(ConfigError(key: "\(key).kind", message: "must be one of \(kinds.map { "\"\($0)\"" }.joined(separator: ", ")), got \(JSON5Value.quote(kindText))"))
        }
        var target = NotifyTarget(name: name, kind: kind ?? .webhook)
        if let s = string("minSeverity") {
            if let sev = IncidentSeverity(rawValue: s) { target.minSeverity = sev } else {
                errors.append(ConfigError(key: "\(key).minSeverity", message: "must be one of \"info\", \"warning\", \"critical\", got \(JSON5Value.quote(s))"))
            }
        }
        target.url = string("url") ?? ""
        target.urlFile = string("urlFile") ?? ""
        target.tokenFile = string("tokenFile") ?? ""
        target.botTokenFile = string("botTokenFile") ?? ""
        target.chatId = string("chatId") ?? ""
        if !target.url.isEmpty, let problem = NotifyURL.problem(target.url) {
            errors.append(ConfigError(key: "\(key).url", message: "\(problem), got \(JSON5Value.quote(NotifyURL.shown(target.url)))"))
        }
        if let kind { errors += kindProblems(target, kind: kind, key: key) }
        return errors.isEmpty ? .success(target) : .failure(ConfigProblems(errors))
    }

    /// What each kind needs and what it does not take.
    private static func kindProblems(_ t: NotifyTarget, kind: NotifyTarget.Kind, key: String) -> [ConfigError] {
        var errors: [ConfigError] = []
        func forbid(_ k: String, _ value: String, _ why: String) {
            if !value.isEmpty { errors.append(ConfigError(key: "\(key).\(k)", message: why)) }
        }
        switch kind {
        case .telegram:
            forbid("url", t.url, "is not used by kind telegram (the Bot API URL is built from botTokenFile)")
            forbid("urlFile", t.urlFile, "is not used by kind telegram (the Bot API URL is built from botTokenFile)")
            forbid("tokenFile", t.tokenFile, "is not used by kind telegram; the bot token goes in botTokenFile")
            if t.botTokenFile.isEmpty { errors.append(ConfigError(key: "\(key).botTokenFile", message: "is required for kind telegram")) }
            if t.chatId.wholeMatch(of: #/-?[0-9]{1,20}|@[A-Za-z0-9_]{5,64}/#) == nil {
                errors.append(ConfigError(key: "\(key).chatId", message: "is required for kind telegram: a chat id number or @channelname, got \(JSON5Value.quote(t.chatId))"))
            }
        case .webhook, .ntfy, .discord, .slack:
            if t.url.isEmpty == t.urlFile.isEmpty {
                errors.append(ConfigError(key: "\(key).url", message: t.url.isEmpty
                    ? "is required for kind \(kind.rawValue) (or urlFile, a file holding it)"
                    : "and urlFile are both set; give one"))
            }
            forbid("botTokenFile", t.botTokenFile, "is only used by kind telegram")
            forbid("chatId", t.chatId, "is only used by kind telegram")
            if kind == .discord || kind == .slack {
                forbid("tokenFile", t.tokenFile, "is not used by kind \(kind.rawValue): the incoming-webhook URL is the secret (put it in urlFile)")
            }
        }
        return errors
    }

    /// The targets as a comparable tree, for the reload diff. File names only, never contents.
    static func read(_ targets: [NotifyTarget]) -> JSON5Value {
        .array(targets.map { t in
            .object(["name": .string(t.name), "kind": .string(t.kind.rawValue), "minSeverity": .string(t.minSeverity.rawValue),
                     "url": .string(t.url), "urlFile": .string(t.urlFile), "tokenFile": .string(t.tokenFile),
                     "botTokenFile": .string(t.botTokenFile), "chatId": .string(t.chatId)])
        })
    }

    /// Expands `~` and `$HOME` in each target's file keys.
    static func expandPaths(_ targets: inout [NotifyTarget], key: String, home: String?) -> [ConfigError] {
        var errors: [ConfigError] = []
        for i in targets.indices {
            for (k, kp) in [("urlFile", \NotifyTarget.urlFile), ("tokenFile", \.tokenFile), ("botTokenFile", \.botTokenFile)] {
                let raw = targets[i][keyPath: kp]
                guard !raw.isEmpty else { continue }
                switch ConfigPath.expand(raw, home: home) {
                case .success(let expanded): targets[i][keyPath: kp] = expanded
                case .failure(let problem):
                    errors.append(ConfigError(key: "\(key)[\(i)].\(k)", message: "\(problem.message), got \(JSON5Value.quote(raw))"))
                }
            }
        }
        return errors
    }
}
