import Glibc

/// A log or position file operation that failed, with the path and the `errno` it failed with.
public enum LogFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case openFailed(path: String, errno: Int32)
    case statFailed(path: String, errno: Int32)
    case readFailed(path: String, errno: Int32)
    case writeFailed(path: String, errno: Int32)
    case renameFailed(path: String, errno: Int32)
    /// inotify could not be set up on the directory (no inotify, or its instance or watch limit hit).
    case watchFailed(path: String, errno: Int32)
    /// The position file exists but is not what this follower writes.
    case malformedPosition(path: String, detail: String)

    public var description: String {
        switch self {
        case .openFailed(let path, let code): return "cannot open \(path): \(Self.text(code))"
        case .statFailed(let path, let code): return "cannot stat \(path): \(Self.text(code))"
        case .readFailed(let path, let code): return "cannot read \(path): \(Self.text(code))"
        case .writeFailed(let path, let code): return "cannot write \(path): \(Self.text(code))"
        case .renameFailed(let path, let code): return "cannot rename into \(path): \(Self.text(code))"
        case .watchFailed(let path, let code): return "cannot watch \(path) with inotify: \(Self.text(code))"
        case .malformedPosition(let path, let detail): return "malformed log position file \(path): \(detail)"
        }
    }

    private static func text(_ code: Int32) -> String {
        String(cString: strerror(code)) + " (errno \(code))"
    }
}
