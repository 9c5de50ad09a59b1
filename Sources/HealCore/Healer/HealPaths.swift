import FoundationEssentials

/// The healer's files, resolved from the config: `~` expanded, the audit log defaulting to the
/// state file's directory.
public struct HealPaths: Sendable, Equatable {
    public var stateFile: String
    public var statusFile: String
    public var auditFile: String
    public var metricsFile: String
    public var configFile: String
    public var configBackupsDir: String

    public init(config: HealConfig) {
        stateFile = Self.expand(config.stateFile)
        statusFile = Self.expand(config.statusFile)
        metricsFile = Self.expand(config.metricsFile)
        configFile = Self.expand(config.configFile)
        configBackupsDir = Self.expand(config.configBackupsDir)
        let audit = config.auditFile.trimming(.whitespaces)
        auditFile = audit.isEmpty ? Self.directory(of: stateFile) + "/self-heal-audit.jsonl" : Self.expand(audit)
    }

    /// The directory holding the state file (what `/health` checks for writability).
    public var stateDirectory: String { Self.directory(of: stateFile) }

    public static func expand(_ path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        return path.expandingTildeInPath
    }

    static func directory(of path: String) -> String {
        let dir = path.deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }
}
