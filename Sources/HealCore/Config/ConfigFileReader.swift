import FoundationEssentials

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
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .failure(.missing) }
        if isDirectory { return .failure(.isDirectory) }
        let bytes: [UInt8]
        switch FileBytes.read(path, cap: limit) {
        case .success(let read): bytes = read
        case .failure(.missing): return .failure(.missing)
        case .failure(.unreadable(let why)): return .failure(.unreadable(why))
        case .failure(.tooLarge): return .failure(.tooLarge(limit: limit))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
        return .success(text)
    }
}
