import FoundationEssentials

/// `~` and `~/…` expanded against $HOME. `ConfigLoader` already expands paths it loads; this keeps
/// OpenClawKit correct when handed a config built in code.
enum PathExpansion {
    static func expand(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        return home + path.dropFirst()
    }
}
