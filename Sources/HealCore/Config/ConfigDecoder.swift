/// Turns a parsed JSON5 tree into a `HealConfig`, checking every key against `ConfigSchema` and
/// collecting every problem rather than stopping at the first.
enum ConfigDecoder {
    /// Decodes an already parsed config object. `duplicates` are keys given twice in the source
    /// text, with paths relative to this object.
    static func decode(_ root: JSON5Value, home: String?, duplicates: [JSON5DuplicateKey] = []) -> Result<HealConfig, ConfigProblems> {
        var errors = duplicates.map {
            ConfigError(key: $0.path, message: "given more than once (again at line \($0.line), column \($0.column))")
        }
        guard case .object(let members) = root else {
            return .failure(ConfigProblems(errors + [ConfigError(key: "", message: "the config must be an object, got \(root.shortDescription)")]))
        }
        var config = HealConfig()
        for key in members.keys.sorted() {
            let value = members[key]!
            if ConfigSchema.groups.contains(key) {
                guard case .object(let children) = value else {
                    errors.append(ConfigError(key: key, message: "must be an object, got \(value.shortDescription)"))
                    continue
                }
                errors += applyGroup(key, children, to: &config)
            } else {
                errors += apply(key, value, to: &config)
            }
        }
        for field in ConfigSchema.fields {
            if let problem = field.expandPath(in: &config, home: home) { errors.append(problem) }
        }
        if errors.isEmpty { errors += writtenFileClashes(config) + NotifyConfigCheck.problems(config.notify) }
        return errors.isEmpty ? .success(config) : .failure(ConfigProblems(errors))
    }

    /// A group's members; a member that is itself a group (`notify.heartbeat`) is walked the same way.
    private static func applyGroup(_ group: String, _ children: [String: JSON5Value], to config: inout HealConfig) -> [ConfigError] {
        var errors: [ConfigError] = []
        for child in children.keys.sorted() {
            let key = "\(group).\(child)"
            if ConfigSchema.groups.contains(key) {
                guard case .object(let grandchildren) = children[child]! else {
                    errors.append(ConfigError(key: key, message: "must be an object, got \(children[child]!.shortDescription)"))
                    continue
                }
                errors += applyGroup(key, grandchildren, to: &config)
            } else {
                errors += apply(key, children[child]!, to: &config)
            }
        }
        return errors
    }

    private static func apply(_ key: String, _ value: JSON5Value, to config: inout HealConfig) -> [ConfigError] {
        if let field = ConfigSchema.fieldsByKey[key] { return field.apply(value, to: &config) }
        var message = "unknown key"
        if let near = ConfigKeySuggester.suggestion(for: key, among: ConfigSchema.keys + ConfigSchema.groups) {
            message += " (did you mean \(near)?)"
        }
        return [ConfigError(key: key, message: message)]
    }

    /// The files the healer writes must be distinct: an audit log appended to the state file, or a
    /// token file that is also the status file, would corrupt both.
    private static func writtenFileClashes(_ config: HealConfig) -> [ConfigError] {
        let written: [(key: String, path: String)] = [
            ("stateFile", config.stateFile),
            ("statusFile", config.statusFile),
            ("metricsFile", config.metricsFile),
            ("auditFile", config.resolvedAuditFile),
            ("server.tokenFile", config.resolvedTokenFile),
        ]
        var errors: [ConfigError] = []
        for (i, file) in written.enumerated() {
            if let earlier = written[..<i].first(where: { $0.path == file.path }) {
                errors.append(ConfigError(key: file.key, message: "is the same file as \(earlier.key) (\(JSON5Value.quote(file.path)))"))
            }
        }
        return errors
    }
}

/// Every problem found in one config, as the decoder's error.
struct ConfigProblems: Error, Equatable {
    var errors: [ConfigError]
    init(_ errors: [ConfigError]) { self.errors = errors }
}
