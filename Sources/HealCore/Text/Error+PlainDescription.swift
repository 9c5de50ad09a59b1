import FoundationEssentials
import Glibc

extension Error {
    /// What went wrong, in the system's words where there are some: the `strerror` text of a
    /// POSIX error, with the path for a file error ("No such file or directory (/etc/x)").
    /// (FoundationEssentials has no `localizedDescription`.)
    public var plainDescription: String {
        if let posix = self as? POSIXError { return Self.systemText(posix.code.rawValue) }
        if let cocoa = self as? CocoaError {
            let reason = (cocoa.underlying as? POSIXError).map { Self.systemText($0.code.rawValue) }
                ?? "file error \(cocoa.code.rawValue)"
            return cocoa.filePath.map { "\(reason) (\($0))" } ?? reason
        }
        if let decoding = self as? DecodingError, case .dataCorrupted(let context) = decoding {
            return context.underlyingError.map { "\(context.debugDescription) \($0)" } ?? context.debugDescription
        }
        return String(describing: self)
    }

    private static func systemText(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}
