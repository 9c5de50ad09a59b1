import Glibc

/// A moment broken into calendar fields, in UTC or in the local time zone: what every date the
/// healer writes by hand (HTTP dates, ISO 8601 times, log file names, the status summary's clock)
/// is built from, through `gmtime_r`/`localtime_r` rather than Foundation's formatters.
public struct CalendarFields: Sendable, Equatable {
    public var year: Int
    /// 1 to 12.
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// 0 (Sunday) to 6.
    public var weekday: Int

    public init(utc unixSeconds: Int) {
        var seconds = time_t(unixSeconds)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        self.init(parts)
    }

    public init(local unixSeconds: Int) {
        var seconds = time_t(unixSeconds)
        var parts = tm()
        localtime_r(&seconds, &parts)
        self.init(parts)
    }

    private init(_ parts: tm) {
        year = Int(parts.tm_year) + 1900
        month = Int(parts.tm_mon) + 1
        day = Int(parts.tm_mday)
        hour = Int(parts.tm_hour)
        minute = Int(parts.tm_min)
        second = Int(parts.tm_sec)
        weekday = Int(parts.tm_wday)
    }
}
