import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension AppendOnlyFile {
    /// Appends many whole lines with one open and, with `sync`, one fsync for all of them (the
    /// journal's group commit). Each line is one `write`, rotation is checked before each line as
    /// `append(line:)` does, and a file about to be rotated away is fsync'd first, so every line
    /// of a synced batch is durable whichever file it ended up in. A line that fails part way is
    /// cut back off; the lines before it stay (they are complete records).
    public static func append(lines: [String], to path: String, mode: mode_t = 0o600, sync: Bool,
                              rotation: LogRotation? = nil) throws(FileSystemError) {
        guard !lines.isEmpty else { return }
        let directory = path.deletingLastPathComponent
        try AtomicFile.ensureDirectory(directory.isEmpty ? "." : directory)
        var fd = try openForAppend(path, mode: mode)
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .current("stat", path) }
        if st.st_mode & 0o777 != mode { _ = fchmod(fd, mode) }
        var size = Int(st.st_size)
        var tornTail = false
        if size > 0 {
            var last: UInt8 = 0
            tornTail = pread(fd, &last, 1, off_t(size - 1)) == 1 && last != UInt8(ascii: "\n")
        }
        for line in lines {
            var text = line.hasSuffix("\n") ? line : line + "\n"
            if let rotation, rotation.mustRotate(size: size, adding: text.utf8.count + 1) {
                if sync { guard fsync(fd) == 0 else { throw .current("fsync", path) } }
                try rotation.rotate(path)
                close(fd)
                fd = try openForAppend(path, mode: mode)
                size = 0
                tornTail = false
            }
            if tornTail { text = "\n" + text; tornTail = false }
            let bytes = Data(text.utf8)
            do {
                try AtomicFile.writeAll(fd, bytes, path)
            } catch {
                _ = ftruncate(fd, off_t(size))
                throw error
            }
            size += bytes.count
        }
        if sync { guard fsync(fd) == 0 else { throw .current("fsync", path) } }
    }

    private static func openForAppend(_ path: String, mode: mode_t) throws(FileSystemError) -> Int32 {
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, mode) // read: to check the last byte
        guard fd >= 0 else { throw .current("open for append", path) }
        return fd
    }
}
