import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Appends whole lines to a log file (JSONL). Each append is one `write` of the complete line,
/// optionally fsync'd. If a previous writer crashed mid-line, a newline is written first so the new
/// record does not glue onto the torn one (readers skip the torn fragment). An append that fails
/// part way (EFBIG, ENOSPC) is cut back off, so a failed append leaves the file as it was.
public enum AppendOnlyFile {
    /// With `rotation`, the file is rotated first when this line would take it past the limit.
    public static func append(line: String, to path: String, mode: mode_t = 0o600, sync: Bool,
                              rotation: LogRotation? = nil) throws(FileSystemError) {
        let directory = path.deletingLastPathComponent
        try AtomicFile.ensureDirectory(directory.isEmpty ? "." : directory)
        var text = line.hasSuffix("\n") ? line : line + "\n"
        var fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, mode) // read: to check the last byte
        guard fd >= 0 else { throw .current("open for append", path) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .current("stat", path) }
        if let rotation, rotation.mustRotate(size: Int(st.st_size), adding: text.utf8.count + 1) {
            try rotation.rotate(path)
            close(fd)
            fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, mode)
            guard fd >= 0 else { throw .current("open for append", path) }
            guard fstat(fd, &st) == 0 else { throw .current("stat", path) }
        }
        if st.st_mode & 0o777 != mode { _ = fchmod(fd, mode) }
        if st.st_size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, off_t(st.st_size - 1)) == 1, last != UInt8(ascii: "\n") {
                text = "\n" + text
            }
        }
        do {
            try AtomicFile.writeAll(fd, Data(text.utf8), path)
        } catch {
            // A write cut short (a file-size limit, a full disk) would leave a partial record that
            // the next append turns into a torn line mid-file; put the file back as it was.
            _ = ftruncate(fd, st.st_size)
            throw error
        }
        if sync { guard fsync(fd) == 0 else { throw .current("fsync", path) } }
    }
}
