import FoundationEssentials
import Glibc
import TextFormatting

/// OpenClaw's log file names: `openclaw-YYYY-MM-DD.log` (or `openclaw-<profile>-YYYY-MM-DD.log`) in
/// the local date, rotated by size to `….1.log` … `….5.log`.
struct LogFileNaming: Sendable, Equatable {
    var directory: String
    var profile: String

    static let rotationsKept = 5

    func fileName(for date: Date) -> String {
        let t = CalendarFields(local: Int(date.timeIntervalSince1970.rounded(.down)))
        let day = Digits.decimal(t.year, width: 4) + "-" + Digits.decimal(t.month, width: 2) + "-" + Digits.decimal(t.day, width: 2)
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
