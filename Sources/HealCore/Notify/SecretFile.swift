import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Reads one secret from a file named by a `*File` key: a regular file of at most 8 KiB, one line,
/// not readable or writable by group or others. Errors name the key and the file, never a byte of
/// what is in it.
public enum SecretFile {
    public static let maxBytes = 8192

    public static func read(_ path: String, key: String) -> Result<String, ConfigError> {
        func fail(_ why: String) -> Result<String, ConfigError> { .failure(ConfigError(key: key, message: "\(path): \(why)")) }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return fail("cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return fail("cannot stat: \(String(cString: strerror(errno)))") }
        guard st.st_mode & S_IFMT == S_IFREG else { return fail("not a regular file") }
        let mode = st.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            return fail("readable or writable by group or others (mode \(String(mode, radix: 8))); a secret file must be 0600 or stricter: chmod 600 \(path)")
        }
        guard st.st_size <= off_t(maxBytes) else { return fail("larger than \(maxBytes) bytes, which no secret is") }
        var bytes = [UInt8](repeating: 0, count: maxBytes + 1)
        var total = 0
        while total < bytes.count {
            let n = bytes[total...].withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return fail("cannot read: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            total += n
        }
        guard total <= maxBytes else { return fail("larger than \(maxBytes) bytes, which no secret is") }
        guard let text = String(bytes: bytes[..<total], encoding: .utf8) else { return fail("not UTF-8 text") }
        let secret = text.trimming(.whitespacesAndNewlines)
        guard !secret.isEmpty else { return fail("is empty") }
        guard secret.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7f }) else {
            return fail("must hold one line of printable text (no line breaks or control characters inside)")
        }
        return .success(secret)
    }
}
