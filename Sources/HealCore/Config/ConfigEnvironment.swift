import FoundationEssentials

/// What the loader reads from the process: environment variables and the home directory.
/// Injected so tests never depend on the machine's HOME or OpenClaw install.
public struct ConfigEnvironment: Sendable, Equatable {
    public var variables: [String: String]
    /// Where `~` and `$HOME` point; nil when it cannot be known (then such paths are errors).
    public var homeDirectory: String?

    /// `homeDirectory` defaults to `variables["HOME"]`.
    public init(variables: [String: String], homeDirectory: String? = nil) {
        self.variables = variables
        let home = homeDirectory ?? variables["HOME"]
        self.homeDirectory = (home?.isEmpty ?? true) ? nil : home
    }

    /// The running process: its environment, and HOME or else the password database's home.
    public static func current() -> ConfigEnvironment {
        let env = ProcessInfo.processInfo.environment
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        return ConfigEnvironment(variables: env, homeDirectory: home)
    }
}
