import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Loads and saves `HealState` as JSON at one path: atomic saves (see `AtomicFile`), mode 0600,
/// and a corrupt or unreadable file moved aside as `<name>.corrupt-<timestamp>` so the healer can
/// start clean without destroying the evidence. While the healer runs, a big state is saved as
/// records appended to `<name>.delta` (see `StateLog`); loading replays them and folds them back
/// into the whole file.
public struct StateStore: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    public func load(now: Date = Date()) -> StateLoadResult {
        removeLeftoverTemporaryFiles()
        let deltaPath = StateLog.deltaPath(of: path)
        guard FileManager.default.fileExists(atPath: path) else {
            if FileManager.default.fileExists(atPath: deltaPath) { moveAside(deltaPath, now: now) }
            return StateLoadResult(state: HealState(), notes: ["no state file at \(path); starting clean"], startedClean: false)
        }
        let problem: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            do {
                var state = try Self.decoder().decode(HealState.self, from: data)
                var notes: [String] = []
                if let replay = StateLogReplay(deltaPath: deltaPath, wholeFile: data) {
                    replay.apply(to: &state)
                    notes = replay.notes
                    if replay.corrupt { moveAside(deltaPath, now: now) }
                    // Folded into the whole file now, so the log starts over (and a torn last
                    // record is gone before anything is appended after it).
                    do { try save(state) } catch { notes.append("could not fold the delta log into \(path): \(error)") }
                }
                return StateLoadResult(state: state, notes: notes, startedClean: false)
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
        if FileManager.default.fileExists(atPath: deltaPath) { moveAside(deltaPath, now: now) }
        return StateLoadResult(state: HealState(), notes: notes, startedClean: true)
    }

    /// The state the files hold (the whole file and its delta log replayed), without changing
    /// them: for checks of what a killed healer left behind. nil when the whole file is missing
    /// or does not decode.
    public func read() -> HealState? {
        guard let data = FileManager.default.contents(atPath: path),
              var state = try? Self.decoder().decode(HealState.self, from: data) else { return nil }
        StateLogReplay(deltaPath: StateLog.deltaPath(of: path), wholeFile: data)?.apply(to: &state)
        return state
    }

    /// Temporary files a crash left behind (see `AtomicFile.removeLeftovers`).
    func removeLeftoverTemporaryFiles() { AtomicFile.removeLeftovers(of: path) }

    /// Writes the whole state (pretty-printed, for the operator who opens it) and removes the
    /// delta log it supersedes. Returns the bytes written.
    @discardableResult
    public func save(_ state: HealState) throws(FileSystemError) -> Data {
        let data = try JSONFile.save(state, what: "state", to: path, pretty: true)
        let deltaPath = StateLog.deltaPath(of: path)
        if unlink(deltaPath) == 0 {
            let directory = path.deletingLastPathComponent
            try AtomicFile.syncDirectory(directory.isEmpty ? "." : directory)
        }
        return data
    }

    static func encoder() -> JSONEncoder { JSONFile.encoder(pretty: true) }

    static func decoder() -> JSONDecoder { JSONFile.decoder() }

    private func moveAside(_ file: String, now: Date) {
        _ = rename(file, "\(file).corrupt-\(Self.stamp(now))")
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
