import Glibc
import Testing

/// Every test that changes the process environment (NOTIFY_SOCKET, WATCHDOG_*, LISTEN_*) is nested
/// in this suite, in extensions across files, so they run one at a time: the environment is
/// process-wide and libsystemd reads it on every call.
@Suite(.serialized) struct EnvironmentMutatingTests {}

/// Runs `body` with the given variables set (a `nil` value unsets one), then restores them.
func withEnvironment<T>(_ variables: [String: String?], _ body: () throws -> T) rethrows -> T {
    var saved: [String: String?] = [:]
    for (name, value) in variables {
        saved[name] = getenv(name).map { String(cString: $0) }
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
    }
    defer {
        for (name, value) in saved {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
    }
    return try body()
}

/// Async variant, for tests that await while the variables are set.
func withEnvironment<T>(_ variables: [String: String?], _ body: () async throws -> T) async rethrows -> T {
    var saved: [String: String?] = [:]
    for (name, value) in variables {
        saved[name] = getenv(name).map { String(cString: $0) }
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
    }
    defer {
        for (name, value) in saved {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
    }
    return try await body()
}
