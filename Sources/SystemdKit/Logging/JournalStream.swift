#if canImport(Glibc)
import Glibc
#endif

/// Whether a descriptor is the stream systemd-journald connected the service to.
///
/// systemd sets `JOURNAL_STREAM=<device>:<inode>` for services whose stdout or stderr is connected
/// to the journal. The variable alone is not proof: it is inherited by children whose output goes
/// elsewhere (a shell redirect, a pipe to a parent), so sd-daemon(3) says to compare it with the
/// descriptor's own device and inode numbers.
public enum JournalStream {
    public static func isConnected(fileDescriptor: Int32, environment: [String: String]) -> Bool {
        guard let value = environment["JOURNAL_STREAM"], let expected = parse(value) else { return false }
        var status = stat()
        guard fstat(fileDescriptor, &status) == 0 else { return false }
        return UInt64(status.st_dev) == expected.device && UInt64(status.st_ino) == expected.inode
    }

    /// `"<device>:<inode>"`, both decimal.
    static func parse(_ value: String) -> (device: UInt64, inode: UInt64)? {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return nil }
        return (device, inode)
    }
}
