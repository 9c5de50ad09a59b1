import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Loads and saves `HealState` as JSON at one path: atomic saves (see `AtomicFile`), mode 0600,
/// and a corrupt or unreadable file moved aside as `<name>.corrupt-<timestamp>` so the healer can
/// start clean without destroying the evidence.
public struct StateStore: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    public func load(now: Date = Date()) -> StateLoadResult {
        removeLeftoverTemporaryFiles()
        guard FileManager.default.fileExists(atPath: path) else {
            return StateLoadResult(state: HealState(), notes: ["no state file at \(path); starting clean"], startedClean: false)
        }
        let problem: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            do {
                let state = try Self.decoder().decode(HealState.self, from: data)
                return StateLoadResult(state: state, notes: [], startedClean: false)
            } catch {
                problem = "state file \(path) does not parse: \(Self.describe(error))"
            }
        } catch {
            problem = "state file \(path) is unreadable: \(error.plainDescription)"
        }
        var notes = [problem]
        let aside = "\(path).corrupt-\(Self.stamp(now))"
        if rename(path, aside) == 0 {
            notes.append("moved it aside to \(aside); starting clean")
        } else {
            notes.append("could not move it aside (\(String(cString: strerror(errno)))); starting clean, the next save replaces it")
        }
        return StateLoadResult(state: HealState(), notes: notes, startedClean: true)
    }

    /// Temporary files a crash left behind (see `AtomicFile.removeLeftovers`).
    func removeLeftoverTemporaryFiles() { AtomicFile.removeLeftovers(of: path) }

    public func save(_ state: HealState) throws(FileSystemError) {
        let data: Data
        do { data = try Self.encoder().encode(state) } catch {
            throw FileSystemError(operation: "encode state for", path: path, message: "\(error)")
        }
        try AtomicFile.write(data, to: path, mode: 0o600)
    }

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted]
        // Seconds since 1970 round-trip exactly (ISO-8601 would drop the fraction).
        e.dateEncodingStrategy = .secondsSince1970
        return e
    }

    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .secondsSince1970
        return d
    }

    /// `20260822T100000Z`: sortable, no characters a shell or a file system minds.
    static func stamp(_ date: Date) -> String { Timestamps.compact(date) }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c):
            return c.debugDescription + Self.at(c.codingPath)
        case DecodingError.keyNotFound(let key, let c):
            return "missing key \(key.stringValue)" + Self.at(c.codingPath)
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return c.debugDescription + Self.at(c.codingPath)
        default:
            return "\(error)"
        }
    }

    private static func at(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "" : " at " + path.map(\.stringValue).joined(separator: ".")
    }
}
