import Foundation

/// Runs a program (argv, no shell) with a timeout and captures its output.
struct Command {
    struct Result: CustomStringConvertible {
        let status: Int32
        let output: String
        let errors: String
        var succeeded: Bool { status == 0 }
        var description: String { "exit \(status)\nstdout: \(output)\nstderr: \(errors)" }
    }

    /// The program's absolute path when it is on PATH or in the usual directories.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/sbin", "/bin", "/sbin"]
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `argv`; after `timeout` seconds the program is killed (SIGKILL) and the result says so.
    /// posix_spawn and waitpid directly: the program's own children (a namespace left running on
    /// purpose) must not keep this waiting, and its exit is reaped here, not by a run loop.
    @discardableResult
    static func run(_ argv: [String], timeout: TimeInterval = 60, environment: [String: String] = [:],
                    input: String? = nil) throws -> Result {
        let directory = NSTemporaryDirectory() + "cmd-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Output to files, not pipes: nothing the program leaves behind can hold this open.
        let outPath = directory + "/out", errPath = directory + "/err", inPath = directory + "/in"
        try Data((input ?? "").utf8).write(to: URL(fileURLWithPath: inPath))
        let pid = try spawn(argv, environment: environment, input: inPath, output: outPath, errors: errPath)
        var timedOut = false
        var exitStatus: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var raw: Int32 = 0
            let reaped = waitpid(pid, &raw, WNOHANG)
            if reaped == pid {
                exitStatus = (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
                break
            }
            if reaped < 0 && errno != EINTR { throw TestFailure("waitpid: errno \(errno)") }
            if Date() >= deadline && !timedOut {
                timedOut = true
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
            }
            usleep(5_000)
        }
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Result(status: exitStatus, output: output,
                      errors: timedOut ? errors + "\n(killed after \(Int(timeout)) s)" : errors)
    }

    /// Starts `argv` in its own process group with stdin, stdout and stderr on files; returns its pid.
    static func spawn(_ argv: [String], environment: [String: String] = [:], input: String = "/dev/null",
                      output: String, errors: String) throws -> pid_t {
        let executable = argv[0].hasPrefix("/") ? argv[0] : (find(argv[0]) ?? argv[0])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, so a timeout kills whatever it started in the foreground too.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var none = sigset_t(); sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t(); sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        let env = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }.map { "\($0)=\($1)" }
        var pid: pid_t = 0
        let status = withCStrings(argv) { argvPointers in
            withCStrings(env) { envPointers in
                posix_spawn(&pid, executable, &actions, &attributes, argvPointers, envPointers)
            }
        }
        guard status == 0 else { throw TestFailure("cannot run \(executable): \(String(cString: strerror(status)))") }
        return pid
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}

/// Repository paths, found from this file's location.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// The daemon binary under test (`OPENCLAW_SELF_HEAL_BIN`, or the debug build).
    static var binary: String {
        ProcessInfo.processInfo.environment["OPENCLAW_SELF_HEAL_BIN"] ?? root + "/.build/debug/openclaw-self-heal"
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Polls `condition` until it holds or `timeout` passes.
func eventually(timeout: TimeInterval, interval: TimeInterval = 0.2, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return true }
        usleep(UInt32(interval * 1_000_000))
    }
    return try condition()
}

/// `curl` against loopback with a normal Host header; returns (status, headers, body).
func httpGet(_ url: String, timeout: Int = 5) throws -> (status: Int, headers: String, body: String) {
    let directory = NSTemporaryDirectory() + "curl-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let result = try Command.run(["curl", "-sS", "--max-time", "\(timeout)", "-o", directory + "/body",
                                  "-D", directory + "/headers", "-w", "%{http_code}", url],
                                 timeout: TimeInterval(timeout + 5))
    guard result.succeeded, let status = Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
        throw TestFailure("curl \(url): \(result)")
    }
    let headers = (try? String(contentsOfFile: directory + "/headers", encoding: .utf8)) ?? ""
    let body = (try? String(contentsOfFile: directory + "/body", encoding: .utf8)) ?? ""
    return (status, headers, body)
}
