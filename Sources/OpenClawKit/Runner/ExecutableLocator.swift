import Glibc

/// Finds the program a command names, the way `execvp` would but against the PATH the child will
/// get, so a missing or unusable binary is reported in words before anything is spawned.
enum ExecutableLocator {
    enum Failure: Error, Equatable { case message(String) }

    static func resolve(_ name: String, searchPath: String?) -> Result<String, Failure> {
        guard !name.isEmpty else { return .failure(.message("empty command")) }
        if name.contains("/") {
            return check(name).map { name }
        }
        let path = searchPath ?? "/usr/local/bin:/usr/bin:/bin"
        var firstProblem: String?
        for dir in path.split(separator: ":", omittingEmptySubsequences: false) {
            let base = dir.isEmpty ? "." : String(dir)
            let candidate = base.hasSuffix("/") ? base + name : base + "/" + name
            switch check(candidate) {
            case .success: return .success(candidate)
            case .failure(.message(let problem)):
                // Remember a binary that exists but cannot run: that is more useful than "not found".
                if firstProblem == nil, access(candidate, F_OK) == 0 { firstProblem = problem }
            }
        }
        return .failure(.message(firstProblem ?? "\(name): not found on PATH"))
    }

    private static func check(_ path: String) -> Result<Void, Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(.message(errno == ENOENT ? "\(path): no such file" : "\(path): \(String(cString: strerror(errno)))"))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.message("\(path): is a directory")) }
        guard access(path, X_OK) == 0 else { return .failure(.message("\(path): not executable (permission denied)")) }
        return .success(())
    }
}
