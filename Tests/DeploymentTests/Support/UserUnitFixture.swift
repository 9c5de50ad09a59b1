import Foundation
import TestSupport

/// The shipped user unit (`deploy/openclaw-self-heal.user.service`, unchanged) under a real user
/// manager (`systemd --user` for the namespace's account `openclaw`, started by the namespace's
/// system manager), next to a stand-in `openclaw-gateway.service` that plays the gateway's HTTP
/// probes. The `openclaw` CLI is the test double in /usr/local/bin/openclaw.
struct UserUnitFixture {
    static let managerUnit = "openclaw-user-manager.service"
    static let gateway = "openclaw-gateway.service"
    static let service = "openclaw-self-heal.service"
    static let home = "/home/openclaw"
    static let configPath = home + "/.config/openclaw-self-heal/config.json5"
    static let scenarioDirectory = home + "/fake-openclaw"

    let port: Int
    let gatewayPort: Int
    init() throws {
        port = try FreePort.pick()
        gatewayPort = try FreePort.pick()
    }

    var url: String { "http://127.0.0.1:\(port)" }
    func health() -> Int? { try? httpGet(url + "/health").status }

    /// The user manager as a system service (what user@UID.service does, without PAM and logind,
    /// which this namespace does not have).
    static let managerUnitText = """
        [Unit]
        Description=User manager of the openclaw test account
        [Service]
        Type=notify
        User=openclaw
        Environment=XDG_RUNTIME_DIR=/run/user/\(SystemdNamespace.uid)
        ExecStart=/lib/systemd/systemd --user
        Delegate=yes
        KillMode=mixed
        TimeoutStopSec=10
        """

    func config(_ extra: String) -> String {
        """
        {
          modelOrder: ["anthropic/claude-opus-4-6", "openai/gpt-5.2"],
          configFile: "\(Self.home)/.openclaw/openclaw.json",
          server: { listen: "127.0.0.1:\(port)" },
          monitor: { intervalSec: 1 },
          openclaw: { bin: "/usr/local/bin/openclaw", gatewayUrl: "http://127.0.0.1:\(gatewayPort)",
                      logDir: "\(Self.home)/gateway-logs", commandTimeoutSec: 10, channelRestartGraceSec: 0 },
          \(extra)
        }
        """
    }

    func prepare(_ ns: SystemdNamespace) throws {
        try ns.addUnit(Self.managerUnit, Self.managerUnitText)
    }

    /// Installs the binary, the test double, the gateway stand-in and both user units, then
    /// starts the user manager and the gateway.
    func install(_ ns: SystemdNamespace, scenario: String, config extra: String = "") throws {
        let owner = SystemdNamespace.user
        try ns.installDaemon()
        try ns.check(ns.exec(["install", "-m", "0755", Repository.path("Tests/Fixtures/fake-openclaw"), "/usr/local/bin/openclaw"]))
        try ns.check(ns.exec(["install", "-m", "0755", Repository.path("Tests/Support/gateway-stand-in"),
                              "/usr/local/bin/gateway-stand-in"]))
        let units = Self.home + "/.config/systemd/user/"
        try ns.write(try String(contentsOfFile: Repository.path("deploy/openclaw-self-heal.user.service"), encoding: .utf8),
                     to: units + Self.service, owner: owner)
        try ns.write("""
            [Unit]
            Description=OpenClaw gateway (test stand-in)
            [Service]
            ExecStart=/usr/local/bin/gateway-stand-in \(gatewayPort)
            Restart=on-failure
            [Install]
            WantedBy=default.target
            """, to: units + Self.gateway, owner: owner)
        try ns.write(ns.logDropIn("user-service"), to: units + Self.service + ".d/log.conf", owner: owner)
        try ns.write(config(extra), to: Self.configPath, owner: owner)
        try ns.write("{}\n", to: Self.home + "/.openclaw/openclaw.json", owner: owner)
        try ns.write(scenario, to: Self.scenarioDirectory + "/scenario.json", owner: owner)
        try ns.check(ns.exec(["install", "-d", "-o", owner, "-g", owner, Self.home + "/gateway-logs"]))
        try ns.check(ns.exec(["touch", ns.directory + "/user-service.log"]))
        try ns.check(ns.exec(["chown", owner, ns.directory + "/user-service.log"]))
        try ns.systemctl(["start", Self.managerUnit])
        try userctl(ns, ["set-environment", "FAKE_OPENCLAW_DIR=" + Self.scenarioDirectory])
        try userctl(ns, ["log-level", "debug"])
        try userctl(ns, ["daemon-reload"])
        try userctl(ns, ["start", Self.gateway])
    }

    /// `systemctl --user ARGS` as the account, against its manager.
    @discardableResult
    func userctl(_ ns: SystemdNamespace, _ arguments: [String], check: Bool = true) throws -> Command.Result {
        let result = try ns.exec(["setpriv", "--reuid=\(SystemdNamespace.uid)", "--regid=\(SystemdNamespace.uid)",
                                  "--clear-groups", "env", "XDG_RUNTIME_DIR=/run/user/\(SystemdNamespace.uid)",
                                  "systemctl", "--user", "--no-pager"] + arguments, timeout: 90)
        if check && !result.succeeded { throw TestFailure("systemctl --user \(arguments.joined(separator: " ")): \(result)") }
        return result
    }

    func userProperty(_ ns: SystemdNamespace, _ unit: String, _ name: String) throws -> String {
        let output = try userctl(ns, ["show", unit, "-p", name, "--value"]).output
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
