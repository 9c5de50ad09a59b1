import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A failed file operation, naming the step, the path and the system's reason.
public struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var errno: Int32?
    public var message: String

    public init(operation: String, path: String, errno: Int32? = nil, message: String? = nil) {
        self.operation = operation; self.path = path; self.errno = errno
        if let message {
            self.message = message
        } else if let errno {
            self.message = String(cString: strerror(errno))
        } else {
            self.message = "failed"
        }
    }

    /// Captures the current `errno`.
    static func current(_ operation: String, _ path: String) -> FileSystemError {
        FileSystemError(operation: operation, path: path, errno: Glibc.errno)
    }

    public var description: String { "\(operation) \(path): \(message)" }
}
