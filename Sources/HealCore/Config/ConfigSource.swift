/// Where the effective config came from, for logs, `check-config` and `/reload` answers.
public enum ConfigSource: Sendable, Equatable, CustomStringConvertible {
    /// A config file given explicitly (`--config FILE`, `check-config FILE`).
    case file(path: String)
    /// `plugins.entries["openclaw-self-healing"].config` inside OpenClaw's `openclaw.json`.
    case openclawPlugin(path: String)
    /// Embedded defaults; `note` says why nothing else was used.
    case defaults(note: String)

    /// The plugin's id in OpenClaw's config: the entry the healer migrates its settings from.
    public static let pluginEntryId = "openclaw-self-healing"

    public var description: String {
        switch self {
        case .file(let path): return "config file \(path)"
        case .openclawPlugin(let path):
            return "\(path) (plugins.entries[\"\(Self.pluginEntryId)\"].config)"
        case .defaults(let note): return "embedded defaults (\(note))"
        }
    }

    /// What each error line of `check-config` starts with.
    var errorPrefix: String? {
        switch self {
        case .file(let path): return path
        case .openclawPlugin(let path): return "\(path) plugins.entries.\(Self.pluginEntryId).config"
        case .defaults: return nil
        }
    }
}
