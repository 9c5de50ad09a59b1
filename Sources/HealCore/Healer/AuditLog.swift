import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The append-only audit log (JSONL, one record per line, fsync'd, mode 0600).
///
/// With a `rotation`, the log is rotated by size into `<path>.1` ... `<path>.N`; `read` goes on
/// into the rotated files, newest first, so `GET /events` sees across a rotation.
public struct AuditLog: Sendable {
    public let path: String
    public let rotation: LogRotation?
    public init(path: String, rotation: LogRotation? = nil) { self.path = path; self.rotation = rotation }

    public func append(_ record: AuditRecord) throws(FileSystemError) {
        try AppendOnlyFile.append(line: try line(for: record), to: path, sync: true, rotation: rotation)
    }

    /// Appends many records with one fsync (the journal's group commit); a record that does not
    /// encode is skipped and reported after the others are written.
    public func append(_ records: [AuditRecord]) throws(FileSystemError) {
        var lines: [String] = []
        var failure: FileSystemError?
        for record in records {
            do { lines.append(try line(for: record)) } catch { failure = failure ?? error }
        }
        try AppendOnlyFile.append(lines: lines, to: path, sync: true, rotation: rotation)
        if let failure { throw failure }
    }

    /// The record as one line of the log (redacted).
    func line(for record: AuditRecord) throws(FileSystemError) -> String {
        do { return String(decoding: try Self.encoder().encode(record.redacted()), as: UTF8.self) } catch {
            throw FileSystemError(operation: "encode audit record for", path: path, message: "\(error)")
        }
    }

    /// Records newer than `since` (all when nil), at most `limit`, newest last. Reads the file
    /// backwards in chunks, so a long log costs only what is asked for. An unterminated last line
    /// (a write torn by a crash) and lines that do not decode are skipped.
    public func read(since: Date?, limit: Int) throws(FileSystemError) -> [AuditRecord] {
        guard limit > 0 else { return [] }
        var newestFirst: [AuditRecord] = []
        // The live file, then the rotated ones; a missing generation ends the walk (none is kept
        // past it). Bounded so a directory full of stray names cannot make this endless.
        for generation in 0...1000 {
            let file = LogRotation.path(path, generation: generation)
            let finished = try Self.read(file, since: since, limit: limit, into: &newestFirst)
            if finished == .missing && generation > 0 { break }
            if finished == .done { break }
        }
        return newestFirst.reversed()
    }

    private enum FileRead { case missing, exhausted, done }

    /// Appends the records of one file to `newestFirst`, newest first.
    private static func read(_ path: String, since: Date?, limit: Int,
                             into newestFirst: inout [AuditRecord]) throws(FileSystemError) -> FileRead {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return .missing }
            throw .current("open", path)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .current("stat", path) }
        var end = off_t(st.st_size)
        var carry = Data()   // bytes after the last newline seen so far (toward the end)
        // Until the last newline of the file is found, bytes belong to an unterminated (torn) line.
        var inTornTail = true
        let decoder = Self.decoder()
        let chunk = 64 * 1024
        while end > 0 {
            let start = max(0, end - off_t(chunk))
            var buffer = [UInt8](repeating: 0, count: Int(end - start))
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, start) }
            guard n == buffer.count else { throw .current("read", path) }
            end = start
            var lines = (Data(buffer) + carry).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            if inTornTail {
                let foundNewline = lines.count > 1
                lines.removeLast() // what follows the file's last newline (empty when the file ends cleanly)
                guard foundNewline else { carry = Data(); continue }
                inTornTail = false
            }
            // The first piece may continue in the chunk before this one.
            carry = start > 0 ? Data(lines.removeFirst()) : Data()
            for line in lines.reversed() where !line.isEmpty {
                guard let record = try? decoder.decode(AuditRecord.self, from: Data(line)) else { continue }
                if let since, record.time <= since { return .done }
                newestFirst.append(record)
                if newestFirst.count >= limit { return .done }
            }
        }
        return .exhausted
    }

    /// The encoder of audit lines (sorted keys, ISO-8601 times with milliseconds); `GET /events`
    /// should use it too, so the API and the file agree.
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(Timestamps.iso(date))
        }
        return e
    }

    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let text = try c.decode(String.self)
            guard let date = Timestamps.parse(text) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO-8601 time: \(text)")
            }
            return date
        }
        return d
    }
}
