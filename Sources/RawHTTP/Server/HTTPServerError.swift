import Glibc

/// A failure of the server: the call that failed and the errno text, e.g.
/// `bind(127.0.0.1:80): Permission denied (errno 13)`.
public struct HTTPServerError: Error, CustomStringConvertible, Equatable {
    /// The operation, with its argument where that helps (`bind(127.0.0.1:80)`).
    public let operation: String
    /// The errno value, or 0 when the failure is not a system call's.
    public let errnoCode: Int32
    public let message: String

    public init(operation: String, errnoCode: Int32, message: String) {
        self.operation = operation
        self.errnoCode = errnoCode
        self.message = message
    }

    /// Captures the current `errno`.
    static func system(_ operation: String, errno code: Int32 = errno) -> HTTPServerError {
        HTTPServerError(operation: operation, errnoCode: code, message: String(cString: strerror(code)))
    }

    static func usage(_ operation: String, _ message: String) -> HTTPServerError {
        HTTPServerError(operation: operation, errnoCode: 0, message: message)
    }

    public var description: String {
        errnoCode == 0 ? "\(operation): \(message)" : "\(operation): \(message) (errno \(errnoCode))"
    }
}
