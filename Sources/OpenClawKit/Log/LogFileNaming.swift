import FoundationEssentials
import Glibc

/// OpenClaw's log file names: `openclaw-YYYY-MM-DD.log` (or `openclaw-<profile>-YYYY-MM-DD.log`) in
/// the local date, rotated by size to `….1.log` … `….5.log`.
struct LogFileNaming: Sendable, Equatable {
    var directory: String
    var profile: String

    static let rotationsKept = 5

    func fileName(for date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var fields = tm()
        localtime_r(&seconds, &fields)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let day = pad(fields.tm_year + 1900, 4) + "-" + pad(fields.tm_mon + 1, 2) + "-" + pad(fields.tm_mday, 2)
        return profile.isEmpty ? "openclaw-\(day).log" : "openclaw-\(profile)-\(day).log"
    }

    func path(for date: Date) -> String {
        directory.hasSuffix("/") ? directory + fileName(for: date) : directory + "/" + fileName(for: date)
    }

    /// `x.log` → `x.1.log` … `x.5.log`: where a file's older contents go when it rotates.
    static func rotatedPaths(of path: String) -> [String] {
        let stem = path.hasSuffix(".log") ? String(path.dropLast(4)) : path
        return (1...rotationsKept).map { "\(stem).\($0).log" }
    }
}
