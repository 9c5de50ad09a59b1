import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `Tests/Fixtures/notify-receiver` as a child process on 127.0.0.1: records every request it gets
/// (plain HTTP, or HTTPS with the given certificate), can be stopped and started again on the same
/// port to play a receiver that is down for a while.
final class NotifyReceiver: @unchecked Sendable {
    static var script: String { DaemonProcess.packageRoot + "/Tests/Fixtures/notify-receiver" }

    let directory: String
    let tls: (cert: String, key: String)?
    private(set) var port: Int = 0
    private var process: Process?

    init(directory: String, name: String, tls: (cert: String, key: String)? = nil) {
        self.directory = directory + "/receiver-" + name
        try? FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        self.tls = tls
    }

    var logPath: String { directory + "/requests.jsonl" }

    /// Starts listening (on `port` when given, e.g. the one it had before) and waits for it.
    func start(port wanted: Int = 0) throws {
        let portFile = directory + "/port"
        try? FileManager.default.removeItem(atPath: portFile)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var args = ["python3", Self.script, "--log", logPath, "--port-file", portFile, "--port", String(wanted)]
        if let tls { args += ["--cert", tls.cert, "--key", tls.key] }
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        process = p
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let n = Int(text) { port = n; return }
            if !p.isRunning { throw DaemonProcess.Failure("notify-receiver exited (\(p.terminationStatus))") }
            usleep(20_000)
        }
        throw DaemonProcess.Failure("notify-receiver did not listen within 10 s")
    }

    func stop() {
        guard let p = process else { return }
        kill(p.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        process = nil
    }

    /// Every request so far, in arrival order.
    func requests() -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: logPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// The JSON bodies of the requests to `path`, in order.
    func bodies(path: String) -> [[String: Any]] {
        requests().filter { $0["path"] as? String == path }.compactMap {
            ($0["body"] as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
    }

    deinit { stop() }
}

/// A certificate authority made for one test with Debian's `openssl`: a server certificate for
/// 127.0.0.1 signed by it, and a self-signed one it did not sign (the wrong certificate).
struct TestCA {
    let caFile: String
    let serverCert: String
    let serverKey: String
    let wrongCert: String
    let wrongKey: String

    init(directory: String) throws {
        let d = directory + "/ca"
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        caFile = d + "/ca.pem"; serverCert = d + "/server.pem"; serverKey = d + "/server.key"
        wrongCert = d + "/wrong.pem"; wrongKey = d + "/wrong.key"
        try "subjectAltName=IP:127.0.0.1\n".write(toFile: d + "/san.cnf", atomically: true, encoding: .utf8)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try Self.openssl(["req", "-x509"] + ec + ["-keyout", d + "/ca.key", "-out", caFile, "-days", "2", "-subj", "/CN=self-heal test CA"])
        try Self.openssl(["req"] + ec + ["-keyout", serverKey, "-out", d + "/server.csr", "-subj", "/CN=127.0.0.1"])
        try Self.openssl(["x509", "-req", "-in", d + "/server.csr", "-CA", caFile, "-CAkey", d + "/ca.key", "-CAcreateserial",
                          "-out", serverCert, "-days", "2", "-extfile", d + "/san.cnf"])
        try Self.openssl(["req", "-x509"] + ec + ["-keyout", wrongKey, "-out", wrongCert, "-days", "2", "-subj", "/CN=127.0.0.1",
                                                   "-addext", "subjectAltName=IP:127.0.0.1"])
    }

    static func openssl(_ args: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["openssl"] + args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw DaemonProcess.Failure("openssl \(args.first ?? "") failed (\(p.terminationStatus))") }
    }
}
