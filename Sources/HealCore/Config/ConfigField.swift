/// One key of the config: its dotted name, where it lives in `HealConfig`, and what it accepts.
/// The loader, the diff and the documentation all work from the same list (`ConfigSchema`).
struct ConfigField: Sendable {
    enum Kind: Sendable {
        case integer(WritableKeyPath<HealConfig, Int> & Sendable, ClosedRange<Int>)
        case boolean(WritableKeyPath<HealConfig, Bool> & Sendable)
        case string(WritableKeyPath<HealConfig, String> & Sendable, ConfigStringRule)
        /// A file or directory; `~` and `$HOME` are expanded after loading. `allowEmpty` for the
        /// keys whose empty value means "derived from stateFile".
        case path(WritableKeyPath<HealConfig, String> & Sendable, allowEmpty: Bool)
        /// A command: a bare name looked up on PATH, or a path (expanded like `.path`).
        case command(WritableKeyPath<HealConfig, String> & Sendable)
        /// `modelOrder`: 1 to `maxModels` distinct `provider/model` ids.
        case modelList(WritableKeyPath<HealConfig, [ModelID]> & Sendable)
        /// `server.allowedHosts`: up to `maxHosts` host names or addresses, each `host[:port]`.
        case hostList(WritableKeyPath<HealConfig, [String]> & Sendable)
        /// `notify.targets`: see `NotifyTargetsField`.
        case notifyTargets(WritableKeyPath<HealConfig, [NotifyTarget]> & Sendable)
    }

    let key: String
    let kind: Kind

    static let maxModels = 64

    /// The field's value in `config`, as a comparable tree (for the diff).
    func read(_ config: HealConfig) -> JSON5Value {
        switch kind {
        case .integer(let kp, _): return .integer(config[keyPath: kp])
        case .boolean(let kp): return .bool(config[keyPath: kp])
        case .string(let kp, _), .path(let kp, _), .command(let kp): return .string(config[keyPath: kp])
        case .modelList(let kp): return .array(config[keyPath: kp].map { .string($0.description) })
        case .hostList(let kp): return .array(config[keyPath: kp].map { .string($0) })
        case .notifyTargets(let kp): return NotifyTargetsField.read(config[keyPath: kp])
        }
    }

    /// Checks `value` and stores it into `config` when it is acceptable; returns every problem.
    func apply(_ value: JSON5Value, to config: inout HealConfig) -> [ConfigError] {
        switch kind {
        case .integer(let kp, let range):
            switch value {
            case .integer(let i) where range.contains(i):
                config[keyPath: kp] = i
                return []
            case .integer:
                return [error("must be between \(range.lowerBound) and \(range.upperBound), got \(value.shortDescription)")]
            case .number(let d) where d.isFinite && d.rounded() != d:
                return [error("must be a whole number between \(range.lowerBound) and \(range.upperBound), got \(value.shortDescription)")]
            case .number:
                // Finite but beyond Int, or Infinity/NaN.
                return [error("must be between \(range.lowerBound) and \(range.upperBound), got \(value.shortDescription)")]
            default:
                return [error("must be a number between \(range.lowerBound) and \(range.upperBound), got \(value.shortDescription)")]
            }
        case .boolean(let kp):
            guard case .bool(let b) = value else { return [error("must be true or false, got \(value.shortDescription)")] }
            config[keyPath: kp] = b
            return []
        case .string(let kp, let rule):
            return apply(string: value, rule: rule, to: kp, in: &config)
        case .command(let kp):
            return apply(string: value, rule: .executable, to: kp, in: &config)
        case .path(let kp, let allowEmpty):
            guard case .string(let s) = value else { return [error("must be a path string, got \(value.shortDescription)")] }
            if s.isEmpty && !allowEmpty { return [error("must not be empty")] }
            config[keyPath: kp] = s
            return []
        case .modelList(let kp):
            return apply(strings: value, expected: "an array of \"provider/model\" ids", problems: Self.modelListProblems,
                         as: { ModelID($0) }, to: kp, in: &config)
        case .hostList(let kp):
            return apply(strings: value, expected: "an array of host names", problems: Self.hostListProblems,
                         to: kp, in: &config)
        case .notifyTargets(let kp):
            let (targets, problems) = NotifyTargetsField.decode(value, key: key)
            if problems.isEmpty { config[keyPath: kp] = targets }
            return problems
        }
    }

    /// A string field: stored when it is a string that `rule` accepts.
    private func apply(string value: JSON5Value, rule: ConfigStringRule, to kp: WritableKeyPath<HealConfig, String>,
                       in config: inout HealConfig) -> [ConfigError] {
        guard case .string(let s) = value else { return [error("must be a string, got \(value.shortDescription)")] }
        if let problem = rule.check(s) { return [error(problem)] }
        config[keyPath: kp] = s
        return []
    }

    /// A list of strings: stored only when `problems` finds nothing wrong with any item.
    private func apply(strings value: JSON5Value, expected: String,
                       problems check: (_ items: [JSON5Value], _ key: String) -> [ConfigError],
                       to kp: WritableKeyPath<HealConfig, [String]>, in config: inout HealConfig) -> [ConfigError] {
        apply(strings: value, expected: expected, problems: check, as: { $0 }, to: kp, in: &config)
    }

    /// The same for a list whose checked strings become values (`check` has refused every string
    /// that `make` cannot turn into one).
    private func apply<Element>(strings value: JSON5Value, expected: String,
                                problems check: (_ items: [JSON5Value], _ key: String) -> [ConfigError],
                                as make: (String) -> Element?,
                                to kp: WritableKeyPath<HealConfig, [Element]>, in config: inout HealConfig) -> [ConfigError] {
        guard case .array(let items) = value else { return [error("must be \(expected), got \(value.shortDescription)")] }
        let problems = check(items, key)
        if problems.isEmpty {
            config[keyPath: kp] = items.compactMap { if case .string(let s) = $0 { make(s) } else { nil } }
        }
        return problems
    }

    /// Expands `~`/`$HOME` in a path field of `config`, reporting what cannot be expanded.
    func expandPath(in config: inout HealConfig, home: String?) -> ConfigError? {
        switch kind {
        case .path(let kp, _) where !config[keyPath: kp].isEmpty:
            return expand(kp, in: &config, home: home)
        case .command(let kp) where config[keyPath: kp].contains("/") || config[keyPath: kp].hasPrefix("~"):
            return expand(kp, in: &config, home: home)
        case .notifyTargets(let kp):
            return NotifyTargetsField.expandPaths(&config[keyPath: kp], key: key, home: home).first
        default:
            return nil  // empty derived paths and bare command names stay as they are
        }
    }

    private func expand(_ kp: WritableKeyPath<HealConfig, String>, in config: inout HealConfig, home: String?) -> ConfigError? {
        let raw = config[keyPath: kp]
        switch ConfigPath.expand(raw, home: home) {
        case .success(let expanded):
            config[keyPath: kp] = expanded
            return nil
        case .failure(let problem):
            return error("\(problem.message), got \(JSON5Value.quote(raw))")
        }
    }

    private static func modelListProblems(_ items: [JSON5Value], key: String) -> [ConfigError] {
        if items.isEmpty { return [ConfigError(key: key, message: "must list at least one model, got an empty array")] }
        if items.count > maxModels {
            return [ConfigError(key: key, message: "must list at most \(maxModels) models, got \(items.count)")]
        }
        var problems: [ConfigError] = []
        var firstIndex: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let itemKey = "\(key)[\(i)]"
            guard case .string(let id) = item else {
                problems.append(ConfigError(key: itemKey, message: "must be a \"provider/model\" string, got \(item.shortDescription)"))
                continue
            }
            guard ModelID.isValid(id) else {
                problems.append(ConfigError(key: itemKey, message: "must be \"provider/model\" (e.g. \"anthropic/claude-opus-4-6\"), got \(JSON5Value.quote(id))"))
                continue
            }
            if let first = firstIndex[id] {
                problems.append(ConfigError(key: itemKey, message: "duplicate of \(key)[\(first)] (\(JSON5Value.quote(id)))"))
            } else {
                firstIndex[id] = i
            }
        }
        return problems
    }

    private func error(_ message: String) -> ConfigError { ConfigError(key: key, message: message) }
}
