import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The house's JSON files on disk (the state, the outbox queues): dates as seconds since 1970
/// (they round-trip exactly; ISO-8601 would drop the fraction), keys sorted so a file diffs
/// cleanly, written whole through `AtomicFile`.
public enum JSONFile {
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted] : [.sortedKeys]
        e.dateEncodingStrategy = .secondsSince1970
        return e
    }

    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .secondsSince1970
        return d
    }

    /// Encodes `value` and writes it atomically to `path`; `what` names it in an encoding error
    /// ("state", "outbox"). Returns the bytes written.
    @discardableResult
    public static func save<Value: Encodable>(_ value: Value, what: String, to path: String, pretty: Bool = false,
                                              mode: mode_t = 0o600) throws(FileSystemError) -> Data {
        let data: Data
        do { data = try encoder(pretty: pretty).encode(value) } catch {
            throw FileSystemError(operation: "encode \(what) for", path: path, message: "\(error)")
        }
        try AtomicFile.write(data, to: path, mode: mode)
        return data
    }
}
