import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Whole-file writes that a crash cannot tear: the bytes go to a temporary file in the same
/// directory, are fsync'd, renamed over the target, and the directory is fsync'd so the rename
/// itself survives a power cut. Readers see the old file or the new one, never a mix.
public enum AtomicFile {
    /// Writes `data` to `path` with permissions `mode` (applied explicitly, whatever the umask),
    /// creating the parent directory (0700) when missing unless `createDirectory` is false (then
    /// a missing directory fails the write, naming the temporary file it could not create).
    /// `owner` is given for a file that belongs to someone else (OpenClaw's session store, edited
    /// by a healer running as root): the new file gets that owner when the process may give it,
    /// and keeps the writer's otherwise.
    public static func write(_ data: Data, to path: String, mode: mode_t = 0o600,
                             createDirectory: Bool = true, owner: (uid: uid_t, gid: gid_t)? = nil) throws(FileSystemError) {
        let directory = path.deletingLastPathComponent
        let dir = directory.isEmpty ? "." : directory
        if createDirectory { try ensureDirectory(dir) }
        let temp = "\(dir)/\(temporaryPrefix(of: path))\(getpid())-\(UInt32.random(in: 0 ... .max))"

        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .current("create", temp) }
        do throws(FileSystemError) {
            try writeAll(fd, data, temp)
            guard fchmod(fd, mode) == 0 else { throw FileSystemError.current("chmod", temp) }
            if let owner, getuid() == 0 { _ = fchown(fd, owner.uid, owner.gid) }
            guard fsync(fd) == 0 else { throw FileSystemError.current("fsync", temp) }
        } catch {
            close(fd); unlink(temp)
            throw error
        }
        guard close(fd) == 0 else { let e = FileSystemError.current("close", temp); unlink(temp); throw e }
        guard rename(temp, path) == 0 else { let e = FileSystemError.current("rename to \(path)", temp); unlink(temp); throw e }
        try syncDirectory(dir)
    }

    /// `.<name>.tmp-`: how the temporary files for `path` begin.
    static func temporaryPrefix(of path: String) -> String {
        "." + path.lastPathComponent + ".tmp-"
    }

    /// A crash between creating and renaming a temporary file leaves it behind; the target itself
    /// is intact (the rename never happened), so the leftovers are only clutter.
    public static func removeLeftovers(of path: String) {
        let directory = path.deletingLastPathComponent
        let dir = directory.isEmpty ? "." : directory
        let prefix = temporaryPrefix(of: path)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: dir + "/" + name)
        }
    }

    /// Creates `path` and its parents with mode 0700 when missing.
    public static func ensureDirectory(_ path: String) throws(FileSystemError) {
        var isDir = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir else { throw FileSystemError(operation: "use directory", path: path, message: "not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw FileSystemError(operation: "create directory", path: path, message: "\(error.plainDescription)")
        }
    }

    /// fsync of a directory, so renames and new entries in it are durable.
    public static func syncDirectory(_ path: String) throws(FileSystemError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .current("open directory", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .current("fsync directory", path) }
    }

    static func writeAll(_ fd: Int32, _ data: Data, _ path: String) throws(FileSystemError) {
        var failure: FileSystemError?
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard var p = raw.baseAddress else { return }
            var left = raw.count
            while left > 0 {
                let n = Glibc.write(fd, p, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = .current("write", path); return
                }
                p += n; left -= n
            }
        }
        if let failure { throw failure }
    }
}
