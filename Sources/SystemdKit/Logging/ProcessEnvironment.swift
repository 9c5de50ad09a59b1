#if canImport(Glibc)
import Glibc
#endif

/// The process environment as a dictionary, read from `environ` (no Foundation needed).
public enum ProcessEnvironment {
    public static func current() -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let assignment = String(cString: pointer)
            if let equals = assignment.firstIndex(of: "=") {
                let key = String(assignment[..<equals])
                // The first assignment of a name wins, as getenv(3) sees it.
                if result[key] == nil {
                    result[key] = String(assignment[assignment.index(after: equals)...])
                }
            }
            entry += 1
        }
        return result
    }
}
