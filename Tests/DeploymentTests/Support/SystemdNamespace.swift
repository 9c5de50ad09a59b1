import Foundation

/// A real systemd as PID 1 of a private PID and mount namespace, booted by
/// `Tests/Support/systemd-namespace` (see there for what the namespace looks like). Every test that
/// boots one shuts it down through `SystemdNamespace.with`, also when the test fails; each one also
/// dies by itself after its lifetime, and a later boot reaps namespaces a crashed run left behind.
final class SystemdNamespace: @unchecked Sendable {
    static let script = Repository.path("Tests/Support/systemd-namespace")
    /// The account the namespace has (only inside it).
    static let user = "openclaw", uid = 4242

    let directory: String
    var units: String { directory + "/units" }
    private(set) var booted = false

    /// Why a namespace cannot run here, or nil when it can.
    static var unavailableReason: String? {
        if getuid() != 0 { return "not root (a private PID and mount namespace needs root)" }
        for tool in ["unshare", "nsenter", "curl"] where Command.find(tool) == nil { return "\(tool) is not installed" }
        if !FileManager.default.isExecutableFile(atPath: "/lib/systemd/systemd") {
            return "/lib/systemd/systemd is missing (apt-get install systemd)"
        }
        if !FileManager.default.isExecutableFile(atPath: Repository.binary) {
            return "the daemon binary \(Repository.binary) is not built"
        }
        return nil
    }

    init() throws {
        directory = "/tmp/openclaw-ns-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(atPath: directory + "/units", withIntermediateDirectories: true)
        // The service's user writes its logs and reads the test's files here.
        chmod(directory, 0o755)
    }

    /// Boots a namespace with the files prepared by `prepare` (units in `units`), runs `body`, and
    /// shuts it down whatever happens. Returns false (after printing why) when the machine cannot
    /// run one; the caller then skips.
    @discardableResult
    static func with(_ prepare: (SystemdNamespace) throws -> Void,
                     _ body: (SystemdNamespace) throws -> Void) throws -> Bool {
        if let reason = unavailableReason {
            print("skipped: a real systemd cannot run here: \(reason)")
            return false
        }
        let namespace = try SystemdNamespace()
        defer { namespace.shutdown() }
        try prepare(namespace)
        let boot = try Command.run([script, "boot", namespace.directory], timeout: 30,
                                   environment: ["NS_LIFETIME_SEC": "600", "NS_LOG_LEVEL": "debug"])
        if boot.status == 77 {
            print("skipped: a real systemd cannot run here: \(boot.errors)")
            return false
        }
        guard boot.succeeded else { throw TestFailure("booting systemd in a namespace failed: \(boot)") }
        namespace.booted = true
        do {
            try body(namespace)
        } catch {
            print("--- systemd log (tail) ---\n" + namespace.systemdLog.suffix(6000))
            throw error
        }
        return true
    }

    /// Runs `argv` inside the namespace (its pids, its mounts).
    @discardableResult
    func exec(_ argv: [String], timeout: TimeInterval = 60, input: String? = nil) throws -> Command.Result {
        try Command.run([Self.script, "exec", directory] + argv, timeout: timeout, input: input)
    }

    /// `systemctl ARGS` in the namespace's system manager; throws when it fails and `check` is set.
    @discardableResult
    func systemctl(_ arguments: [String], check: Bool = true, timeout: TimeInterval = 90) throws -> Command.Result {
        let result = try exec(["systemctl", "--no-pager"] + arguments, timeout: timeout)
        if check && !result.succeeded { throw TestFailure("systemctl \(arguments.joined(separator: " ")): \(result)") }
        return result
    }

    /// `systemctl show -p NAME` for each name, as a dictionary.
    func show(_ unit: String, _ properties: [String]) throws -> [String: String] {
        let result = try systemctl(["show", unit] + properties.flatMap { ["-p", $0] })
        var values: [String: String] = [:]
        for line in result.output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return values
    }

    func property(_ unit: String, _ name: String) throws -> String { try show(unit, [name])[name] ?? "" }

    /// Writes `text` to `path` inside the namespace (its /etc, /usr and /home are its own).
    func write(_ text: String, to path: String, mode: String = "0644", owner: String = "root") throws {
        let directory = (path as NSString).deletingLastPathComponent
        try check(exec(["install", "-d", "-o", owner, "-g", owner, directory]))
        try check(exec(["sh", "-c", "cat > \"$1\" && chown \"$2:$2\" \"$1\" && chmod \"$3\" \"$1\"", "write", path, owner, mode],
                       input: text))
    }

    func read(_ path: String) throws -> String { try check(exec(["cat", path])).output }

    /// The daemon binary installed where the shipped units expect it.
    func installDaemon(at path: String = "/usr/local/bin/openclaw-self-heal") throws {
        try check(exec(["install", "-D", "-m", "0755", Repository.binary, path]))
    }

    @discardableResult
    func check(_ result: Command.Result) throws -> Command.Result {
        guard result.succeeded else { throw TestFailure("command in the namespace failed: \(result)") }
        return result
    }

    /// A unit file written into the directory systemd reads as /lib/systemd/system.
    func addUnit(_ name: String, _ text: String) throws {
        try text.write(toFile: units + "/" + name, atomically: true, encoding: .utf8)
    }

    /// A shipped file from `deploy/`, unchanged.
    func addShippedUnit(_ file: String, as name: String? = nil) throws {
        try FileManager.default.copyItem(atPath: Repository.path("deploy/" + file), toPath: units + "/" + (name ?? file))
    }

    /// A drop-in for `unit` (in the namespace's /etc/systemd/system), then daemon-reload.
    func addDropIn(_ unit: String, _ name: String, _ text: String) throws {
        try write(text, to: "/etc/systemd/system/\(unit).d/\(name).conf")
        try systemctl(["daemon-reload"])
    }

    /// The namespace's journal: systemd's own messages (at debug level: every notification a
    /// service sends), for one unit or all.
    func journal(_ unit: String? = nil) -> String {
        let filter = unit.map { ["-u", $0] } ?? []
        return (try? exec(["journalctl", "--no-pager", "-o", "short-monotonic"] + filter, timeout: 30).output) ?? ""
    }

    var systemdLog: String { journal() }

    /// Whatever the unit wrote to its StandardOutput/StandardError file (see `logDropIn`).
    func serviceLog(_ name: String = "service") -> String {
        (try? String(contentsOfFile: directory + "/\(name).log", encoding: .utf8)) ?? ""
    }

    /// A drop-in body that sends the service's output to `<directory>/<name>.log` (no journald here).
    func logDropIn(_ name: String = "service") -> String {
        "[Service]\nStandardOutput=append:\(directory)/\(name).log\nStandardError=append:\(directory)/\(name).log\n"
    }

    func shutdown() {
        _ = try? Command.run([Self.script, "shutdown", directory], timeout: 30)
        try? FileManager.default.removeItem(atPath: directory)
    }

    deinit { if booted { _ = try? Command.run([Self.script, "shutdown", directory], timeout: 30) } }
}
