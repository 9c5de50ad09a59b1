import FoundationEssentials
import HealCore

extension LogFollower {
    /// Reads a whole log file once, as fast as it can, through the same line handling and parser as
    /// the live follower (large sequential reads, lines handed on in place). For intake benchmarks
    /// and for looking through an old log. A final line without a newline is read too.
    public static func scan(fileAt path: String, maxLineBytes: Int = 1 << 20, deduplicateRuns: Bool = true,
                            now: () -> Date = Date.init,
                            onFailure: (FailureEvent) -> Void) throws(LogFileError) -> LogFollowerStats {
        let file = try LogFileHandle.open(path)
        defer { file.close() }
        file.adviseSequential()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { buffer.deallocate() }

        var assembler = LogLineAssembler(maxLineBytes: maxLineBytes)
        var intake = LogIntake(deduplicateRuns: deduplicateRuns)
        var bytesRead = 0
        while true {
            let count = try file.readNext(into: buffer)
            if count == 0 { break }
            bytesRead += count
            assembler.consume(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) { line in
                intake.ingest(line, now: now, emit: onFailure)
            }
        }
        assembler.finish { line in intake.ingest(line, now: now, emit: onFailure) }

        var stats = LogFollowerStats()
        stats.take(from: intake, assembler)
        stats.bytesRead = bytesRead
        stats.currentFile = path
        stats.currentOffset = bytesRead
        return stats
    }
}
