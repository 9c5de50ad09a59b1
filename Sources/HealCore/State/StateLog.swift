import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The state on disk as a whole file plus, once that file is big, an append-only log of what
/// changed since (`<state file>.delta`, one `StateDelta` per line after a header naming the
/// whole file it follows by digest). A save appends one record and fsyncs it instead of
/// re-encoding and rewriting every cron job the healer tracks; the log is folded back into the
/// whole file (compacted) when it grows past the whole file's size, when the healer stops, and
/// at the next start after it replays it (`StateStore.load`).
///
/// Crash safety: a record is durable once `save` returns (fsync; the directory too when the log
/// is created). A record torn by a crash is the last line and is ignored: it was never
/// acknowledged. A log whose header names another whole file (a compaction finished but the
/// old log was not removed yet) is stale and ignored. Used only on the journal's writer queue.
struct StateLog: Sendable {
    let path: String
    let incrementalFrom: Int
    /// The state the files on disk hold (nil: not known yet; the next save is whole).
    private var onDisk: HealState?
    private var wholeDigest: UInt64 = 0
    private var wholeBytes = 0
    /// Bytes in the delta log, header included (0: there is none).
    private var deltaBytes = 0
    private(set) var wholeWrites = 0
    private(set) var deltaWrites = 0

    /// `incrementalFrom`: see `Journal.incrementalStateFrom`.
    init(path: String, incrementalFrom: Int) {
        self.path = path
        self.incrementalFrom = incrementalFrom
    }

    static func deltaPath(of path: String) -> String { path + ".delta" }

    /// Writes `state` as a delta record when that is allowed and worth it, else whole.
    mutating func save(_ state: HealState, whole: Bool) throws(FileSystemError) {
        if !whole, StateDelta.coversHealState, let onDisk, wholeBytes >= incrementalFrom,
           deltaBytes < max(wholeBytes, 64 << 10) {
            guard let delta = StateDelta(from: onDisk, to: state) else { return }
            do {
                try append(delta)
                self.onDisk = state
                deltaWrites += 1
                return
            } catch {
                // The whole file below makes the log unnecessary; if that fails too, its error
                // is the one reported.
            }
        }
        let data = try StateStore(path: path).save(state)
        onDisk = state
        wholeDigest = StateLogHeader.digest(data)
        wholeBytes = data.count
        deltaBytes = 0
        wholeWrites += 1
    }

    private mutating func append(_ delta: StateDelta) throws(FileSystemError) {
        let deltaPath = Self.deltaPath(of: path)
        var line: Data
        do { line = try JSONFile.encoder().encode(delta) } catch {
            throw FileSystemError(operation: "encode state delta for", path: deltaPath, message: "\(error)")
        }
        line.append(UInt8(ascii: "\n"))
        let creating = deltaBytes == 0
        if creating { line = StateLogHeader(base: wholeDigest).line() + line }
        let flags = creating ? O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC : O_WRONLY | O_APPEND | O_CLOEXEC
        let fd = open(deltaPath, flags, 0o600)
        guard fd >= 0 else { throw .current("open", deltaPath) }
        do throws(FileSystemError) {
            try AtomicFile.writeAll(fd, line, deltaPath)
            guard fsync(fd) == 0 else { throw FileSystemError.current("fsync", deltaPath) }
        } catch {
            // Never leave a partial record in the middle of the log.
            _ = ftruncate(fd, off_t(deltaBytes))
            close(fd)
            throw error
        }
        close(fd)
        if creating {
            let directory = path.deletingLastPathComponent
            try AtomicFile.syncDirectory(directory.isEmpty ? "." : directory)
        }
        deltaBytes += line.count
    }
}

/// The first line of a delta log: its format and the digest of the whole state file it follows.
struct StateLogHeader: Codable, Equatable {
    var stateDelta = 1
    var base: String

    init(base digest: UInt64) {
        base = String(digest, radix: 16)
    }

    func line() -> Data {
        var data = (try? JSONFile.encoder().encode(self)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// FNV-1a, 64 bits: tells one whole file from another, not a security measure.
    static func digest(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            for byte in raw {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        return hash
    }
}
