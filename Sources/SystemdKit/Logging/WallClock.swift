#if canImport(Glibc)
import Glibc
#endif

/// CLOCK_REALTIME, for the timestamps of plain log lines.
public enum WallClock {
    public static func now() -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now
    }
}
