import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Size-based rotation of a JSONL log: before a record would take `<file>` past `maxBytes`,
/// `<file>.N-1` becomes `<file>.N` ... `<file>` becomes `<file>.1` (the oldest beyond
/// `generations` is overwritten), and the record starts a fresh `<file>`. A record is written
/// whole into one file, so none is lost or torn by a rotation; a crash between two renames
/// leaves at worst a gap in the numbering.
public struct LogRotation: Sendable, Equatable {
    public var maxBytes: Int
    public var generations: Int

    public init(maxBytes: Int, generations: Int) {
        self.maxBytes = maxBytes; self.generations = generations
    }

    public init(_ retention: HealConfig.Retention) {
        self.init(maxBytes: retention.logMaxBytes, generations: retention.logGenerations)
    }

    /// Whether appending `bytes` to a file of `size` bytes must rotate first (a record larger
    /// than `maxBytes` on its own still goes into a fresh file).
    func mustRotate(size: Int, adding bytes: Int) -> Bool {
        size > 0 && size + bytes > maxBytes
    }

    /// `<file>.<generation>`; generation 0 is the live file.
    public static func path(_ path: String, generation: Int) -> String {
        generation == 0 ? path : "\(path).\(generation)"
    }

    func rotate(_ path: String) throws(FileSystemError) {
        var generation = generations - 1
        while generation >= 1 {
            let from = Self.path(path, generation: generation)
            if rename(from, Self.path(path, generation: generation + 1)) != 0 && errno != ENOENT {
                throw .current("rotate", from)
            }
            generation -= 1
        }
        guard rename(path, Self.path(path, generation: 1)) == 0 else { throw .current("rotate", path) }
        let directory = path.deletingLastPathComponent
        let dirfd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 { _ = fsync(dirfd); close(dirfd) }
    }
}
