import FoundationEssentials
import HealCore
#if canImport(Glibc)
import Glibc
#endif

/// Where the state goes when the configured place cannot hold it.
///
/// The config's defaults put the state under `~/.openclaw/workspace/memory/`. Under the shipped
/// system unit the home is read-only except `~/.openclaw` itself, and only when it exists; on an
/// account without `~/.openclaw` that directory cannot be created. systemd then still gives the
/// unit its `StateDirectory=` (`$STATE_DIRECTORY`), so the healer keeps its files there, as if
/// started with `--state-dir`, instead of failing on the token file.
public enum StateDirectoryFallback {
    /// The directory to use instead, or nil when the configured one is usable (or there is no
    /// alternative and the start should fail with the configured path named).
    public static func directory(for config: HealConfig, options: ServeOptions) -> String? {
        guard options.stateDir == nil,
              let offered = options.environment["STATE_DIRECTORY"]?.split(separator: ":").first.map(String.init),
              !offered.isEmpty else { return nil }
        let wanted = config.stateFile.deletingLastPathComponent
        return usable(wanted) ? nil : offered
    }

    /// Whether `path` is (or can be made) a writable directory.
    static func usable(_ path: String) -> Bool {
        var isDirectory = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return isDirectory && access(path, W_OK) == 0
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            return true
        } catch {
            return false
        }
    }
}
