/// Expansion of the home directory in path keys. Only a leading `~`, `~/`, `$HOME`, `${HOME}` are
/// expanded (what a shell would have done had the value been typed there); anything else must
/// already be absolute, because the daemon runs under systemd with `/` as its working directory,
/// where a relative path would land somewhere nobody looks.
enum ConfigPath {
    static func expand(_ path: String, home: String?) -> Result<String, ConfigPathError> {
        let prefixes = ["~", "$HOME", "${HOME}"]
        for prefix in prefixes where path == prefix || path.hasPrefix(prefix + "/") {
            guard let home else { return .failure(.homeUnknown) }
            let rest = path.dropFirst(prefix.count)
            let base = home.hasSuffix("/") && home.count > 1 ? String(home.dropLast()) : home
            return .success(base + rest)
        }
        if path.hasPrefix("~") { return .failure(.otherUsersHome) }
        if path.hasPrefix("$") { return .failure(.otherVariable) }
        guard path.hasPrefix("/") else { return .failure(.relative) }
        return .success(path)
    }

    /// The directory part of an absolute path (`/a/b/c.json` → `/a/b`, `/c.json` → `/`).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    /// `directory` joined with `name`, without a doubled slash.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

enum ConfigPathError: Error, Equatable {
    case homeUnknown, otherUsersHome, otherVariable, relative

    var message: String {
        switch self {
        case .homeUnknown: return "cannot expand the home directory: HOME is not set"
        case .otherUsersHome: return "only ~ and ~/ are expanded (~user is not supported)"
        case .otherVariable: return "only $HOME is expanded in paths"
        case .relative: return "must be an absolute path or start with ~/ or $HOME/"
        }
    }
}
