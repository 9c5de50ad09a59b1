import Glibc

/// Cuts a stream of chunks into lines: complete lines are handed on in place (no copy), a partial
/// last line is kept until its newline arrives, and a line longer than `maxLineBytes` is dropped
/// (and counted) instead of growing the buffer without bound.
struct LogLineAssembler {
    let maxLineBytes: Int
    /// The start of a line whose newline has not arrived yet.
    private(set) var pending: [UInt8] = []
    /// True while the rest of an overlong (or unwanted) line is being dropped.
    private var discarding = false
    /// Lines dropped because they were longer than `maxLineBytes`.
    private(set) var linesSkipped = 0

    init(maxLineBytes: Int) {
        self.maxLineBytes = max(1, maxLineBytes)
    }

    /// Bytes held for a line not yet complete (0 while discarding): the offset of that line's start
    /// is the consumed offset minus this.
    var pendingByteCount: Int { pending.count }

    /// Hands every line completed by `chunk` to `line` (without its newline).
    mutating func consume(_ chunk: UnsafeRawBufferPointer, line: (UnsafeRawBufferPointer) -> Void) {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return }
        var position = 0
        let count = chunk.count
        // First finish the line begun in an earlier chunk.
        if discarding || !pending.isEmpty {
            guard let newline = memchr(base, 0x0A, count) else {
                append(UnsafeRawBufferPointer(start: base, count: count))
                return
            }
            let end = base.distance(to: UnsafeRawPointer(newline))
            append(UnsafeRawBufferPointer(start: base, count: end))
            if discarding {
                discarding = false
            } else {
                pending.withUnsafeBytes { line($0) }
            }
            pending.removeAll(keepingCapacity: pending.capacity <= 64 * 1024)
            position = end + 1
        }
        // Then the complete lines of this chunk, in place.
        while position < count {
            guard let newline = memchr(base + position, 0x0A, count - position) else { break }
            let end = base.distance(to: UnsafeRawPointer(newline))
            if end - position > maxLineBytes {
                linesSkipped += 1
            } else {
                line(UnsafeRawBufferPointer(start: base + position, count: end - position))
            }
            position = end + 1
        }
        if position < count { append(UnsafeRawBufferPointer(start: base + position, count: count - position)) }
    }

    /// Hands on the partial last line as a line of its own: the file it came from is finished
    /// (rotated away, or a whole-file scan reached its end) and will not complete it.
    mutating func finish(line: (UnsafeRawBufferPointer) -> Void) {
        if !discarding, !pending.isEmpty { pending.withUnsafeBytes { line($0) } }
        reset()
    }

    /// Forgets the partial line (the file was truncated, or is being left).
    mutating func reset() {
        pending.removeAll()
        discarding = false
    }

    /// Drops everything up to the next newline without counting it: used when reading starts in the
    /// middle of a line that belongs to the history before the follower started.
    mutating func discardUntilNewline() {
        pending.removeAll()
        discarding = true
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard !discarding else { return }
        if pending.count + bytes.count > maxLineBytes {
            linesSkipped += 1
            pending.removeAll()
            discarding = true
            return
        }
        pending.append(contentsOf: bytes)
    }
}
