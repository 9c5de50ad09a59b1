import Glibc

/// Tells whether a process group still has a member that is not a zombie.
///
/// `kill(-pgid, 0)` alone is not enough: an orphaned grandchild that has died stays a zombie, and
/// a member of its group, until its new parent reaps it, and some container inits (PID 1) never do.
/// So when the signal check says "members exist", /proc is scanned for one that is still running.
enum ProcessGroupProbe {
    static func hasLiveMembers(_ pgid: pid_t) -> Bool {
        if kill(-pgid, 0) != 0 && errno == ESRCH { return false }
        guard let dir = opendir("/proc") else { return true }   // cannot tell: assume alive
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard let pid = Int32(name), let stat = readStat(pid) else { continue }
            if stat.pgrp == pgid && stat.state != "Z" && stat.state != "X" { return true }
        }
        return false
    }

    /// State letter and process group from `/proc/<pid>/stat` ("pid (comm) S ppid pgrp …"; comm may
    /// contain spaces and parentheses, so fields are counted from the last ')').
    private static func readStat(_ pid: Int32) -> (state: Character, pgrp: pid_t)? {
        let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count >= 3, let state = fields[0].first, let pgrp = Int32(fields[2]) else { return nil }
        return (state, pgrp)
    }
}
