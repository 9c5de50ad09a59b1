import Foundation
import TestSupport

/// The shipped system unit in a namespace, as a fresh install has it: the units from `deploy/`
/// unchanged, the binary in /usr/local/bin, a config in /etc/openclaw-self-heal/, the placeholder
/// account `openclaw` without a `~/.openclaw`, and one drop-in that only sends the output to a file.
struct SystemUnitFixture {
    static let service = "openclaw-self-heal.service"
    static let socket = "openclaw-self-heal.socket"
    static let configPath = "/etc/openclaw-self-heal/config.json5"
    /// StateDirectory= of the shipped unit.
    static let stateDirectory = "/var/lib/openclaw-self-heal"

    let port: Int
    let gatewayPort: Int

    init() throws {
        port = try FreePort.pick()
        gatewayPort = try FreePort.pick()
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// A valid config on the fixture's port; `extra` adds keys (JSON5 members).
    func config(_ extra: String = "", in namespace: SystemdNamespace) -> String {
        """
        {
          // Nothing of OpenClaw is installed: the healer reports the gateway unreachable.
          server: { listen: "127.0.0.1:\(port)" },
          monitor: { intervalSec: 2 },
          openclaw: { bin: "/nonexistent/openclaw", logDir: "\(namespace.directory)/gateway-logs",
                      gatewayUrl: "http://127.0.0.1:\(gatewayPort)", commandTimeoutSec: 5 },
          \(extra)
        }
        """
    }

    func prepare(_ namespace: SystemdNamespace) throws {
        try namespace.addShippedUnit(Self.service)
        try namespace.addShippedUnit(Self.socket)
        try FileManager.default.createDirectory(atPath: namespace.directory + "/gateway-logs",
                                                withIntermediateDirectories: true)
    }

    /// After boot: the binary, the config and the log drop-in.
    func install(_ namespace: SystemdNamespace, config extra: String = "") throws {
        try namespace.installDaemon()
        try namespace.write(config(extra, in: namespace), to: Self.configPath)
        try namespace.addDropIn(Self.service, "log", namespace.logDropIn())
    }

    func health() -> Int? { try? httpGet(url + "/health").status }
}
