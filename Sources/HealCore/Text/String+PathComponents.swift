import FoundationEssentials

/// The path arithmetic the daemon did through `NSString`, on plain strings and with the same
/// results for the paths it meets (FoundationEssentials has no `NSString`).
extension String {
    /// The last component: "/a/b/" → "b", "/" → "/", "" → "".
    public var lastPathComponent: String {
        let trimmed = Self.withoutTrailingSlashes(self)
        if trimmed == "/" || trimmed.isEmpty { return trimmed }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// The path without its last component: "/a/b" → "/a", "/a" → "/", "a" → "".
    public var deletingLastPathComponent: String {
        let trimmed = Self.withoutTrailingSlashes(self)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let parent = Self.withoutTrailingSlashes(String(trimmed[..<slash]))
        return parent.isEmpty ? "/" : parent
    }

    /// `component` joined on with exactly one slash: "/a" + "b" → "/a/b", "" + "b" → "b".
    public func appendingPathComponent(_ component: String) -> String {
        let base = Self.withoutTrailingSlashes(self)
        if base.isEmpty { return component }
        if base == "/" { return "/" + component.drop { $0 == "/" } }
        return base + "/" + component.drop { $0 == "/" }
    }

    /// "~" and "~/…" with the home directory put in; other paths unchanged.
    public var expandingTildeInPath: String {
        guard self == "~" || hasPrefix("~/") else { return self }
        return Self.withoutTrailingSlashes(FileManager.default.homeDirectoryForCurrentUser.path) + dropFirst()
    }

    /// The tilde expanded and the path made lexical: repeated slashes, "." and a trailing slash
    /// dropped, ".." taken back against the component before it (an absolute path cannot rise
    /// above "/").
    public var standardizingPath: String {
        let expanded = expandingTildeInPath
        let absolute = expanded.hasPrefix("/")
        var kept: [Substring] = []
        for part in expanded.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let previous = kept.last, previous != ".." { kept.removeLast() }
                else if !absolute { kept.append(part) }
            default: kept.append(part)
            }
        }
        let joined = kept.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }

    private static func withoutTrailingSlashes(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
