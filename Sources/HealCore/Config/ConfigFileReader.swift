import Foundation

/// Reads a whole config file as UTF-8 text, with a size cap (a config is small; a multi-gigabyte
/// file at that path is a mistake, not something to load into memory) and errors in words.
enum ConfigFileReader {
    enum Failure: Error, Equatable, CustomStringConvertible {
        case missing
        case isDirectory
        case unreadable(String)
        case tooLarge(limit: Int)
        case notUTF8

        var description: String {
            switch self {
            case .missing: return "no such file"
            case .isDirectory: return "is a directory, not a file"
            case .unreadable(let why): return "cannot read: \(why)"
            case .tooLarge(let limit): return "larger than \(limit) bytes, which no config is"
            case .notUTF8: return "not UTF-8 text"
            }
        }
    }

    static func read(_ path: String, limit: Int) -> Result<String, Failure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .failure(.missing) }
        if isDirectory.boolValue { return .failure(.isDirectory) }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            return .failure(.unreadable(reason(error)))
        }
        if data.count > limit { return .failure(.tooLarge(limit: limit)) }
        guard let text = String(data: data, encoding: .utf8) else { return .failure(.notUTF8) }
        return .success(text)
    }

    /// The POSIX reason ("Permission denied") rather than Foundation's generic sentence.
    private static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        let posix = ns.domain == NSPOSIXErrorDomain ? ns : ns.userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix, posix.domain == NSPOSIXErrorDomain, let message = strerror(Int32(posix.code)) {
            return String(cString: message)
        }
        return ns.localizedDescription
    }
}
