import Foundation
import Testing
import TestSupport

/// The shipped units, checked by systemd's own tools. `systemd-analyze verify` insists that
/// ExecStart's binary exists, so each unit is verified from a temporary copy whose ExecStart points
/// at a stand-in executable (a copy of /bin/true named openclaw-self-heal): the same substitution
/// `make install` makes for its BINDIR. Everything else in the unit is checked as shipped.
@Suite struct DeployUnitTests {
    static let analyze = ExternalTool.find("systemd-analyze")
    static let missing: Comment = "systemd-analyze is not installed (Debian package systemd)"

    /// Copies the units into a temporary unit directory under their installed names, with
    /// ExecStart pointing at a stand-in binary.
    private func stage(_ files: [(shipped: String, installed: String)], in directory: TemporaryDirectory) throws -> URL {
        let binary = directory.url.appendingPathComponent("bin/openclaw-self-heal")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "/bin/true", toPath: binary.path)
        let units = directory.url.appendingPathComponent("units")
        try FileManager.default.createDirectory(at: units, withIntermediateDirectories: true)
        for file in files {
            let text = try String(contentsOf: Repository.deploy(file.shipped), encoding: .utf8)
                .replacingOccurrences(of: "/usr/local/bin/openclaw-self-heal", with: binary.path)
            try text.write(to: units.appendingPathComponent(file.installed), atomically: true, encoding: .utf8)
        }
        return units
    }

    private func expectClean(_ result: ExternalTool.Result, _ what: String) {
        #expect(result.status == 0, "\(what) failed: \(result.standardError)")
        #expect(result.standardError.isEmpty, "\(what) warned: \(result.standardError)")
    }

    @Test(.enabled(if: analyze != nil, missing))
    func systemUnitsVerifyClean() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let units = try stage(
            [("openclaw-self-heal.service", "openclaw-self-heal.service"), ("openclaw-self-heal.socket", "openclaw-self-heal.socket")],
            in: directory
        )
        let result = try ExternalTool.run(
            Self.analyze!,
            ["verify", units.appendingPathComponent("openclaw-self-heal.service").path, units.appendingPathComponent("openclaw-self-heal.socket").path]
        )
        expectClean(result, "systemd-analyze verify (system)")
    }

    @Test(.enabled(if: analyze != nil, missing))
    func userUnitsVerifyClean() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let units = try stage(
            [("openclaw-self-heal.user.service", "openclaw-self-heal.service"), ("openclaw-self-heal.socket", "openclaw-self-heal.socket")],
            in: directory
        )
        // A user manager needs a runtime directory, even for an offline verify.
        let runtime = directory.url.appendingPathComponent("runtime")
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true)
        let result = try ExternalTool.run(
            Self.analyze!,
            ["--user", "verify", units.appendingPathComponent("openclaw-self-heal.service").path, units.appendingPathComponent("openclaw-self-heal.socket").path],
            environment: ["XDG_RUNTIME_DIR": runtime.path]
        )
        expectClean(result, "systemd-analyze --user verify")
    }

    @Test(.enabled(if: analyze != nil, missing))
    func systemServiceExposureIsAtMostTwo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let units = try stage([("openclaw-self-heal.service", "openclaw-self-heal.service")], in: directory)
        let result = try ExternalTool.run(
            Self.analyze!,
            ["security", "--offline=true", "--no-pager", units.appendingPathComponent("openclaw-self-heal.service").path]
        )
        let exposure = try #require(Self.overallExposure(result.standardOutput), "no exposure in: \(result.standardOutput.suffix(300)) \(result.standardError)")
        #expect(exposure <= 2.0, "exposure \(exposure) > 2.0")
    }

    /// "→ Overall exposure level for openclaw-self-heal.service: 1.8 OK 🙂"
    static func overallExposure(_ output: String) -> Double? {
        for line in output.split(separator: "\n") where line.contains("Overall exposure level for") {
            guard let colon = line.lastIndex(of: ":") else { continue }
            let figure = line[line.index(after: colon)...].split(separator: " ").first
            return figure.flatMap { Double($0) }
        }
        return nil
    }

    @Test func exposureParsing() {
        #expect(Self.overallExposure("x\n→ Overall exposure level for a.service: 1.8 OK 🙂\n") == 1.8)
        #expect(Self.overallExposure("→ Overall exposure level for a.service: 9.6 UNSAFE 😨") == 9.6)
        #expect(Self.overallExposure("nothing here") == nil)
    }

    /// Settings the daemon and the issue depend on, which verify cannot judge.
    @Test func systemServiceKeepsTheSettingsTheHealerReliesOn() throws {
        let unit = try UnitFile(Repository.deploy("openclaw-self-heal.service"))
        #expect(unit["Service", "Type"] == ["notify"])
        #expect(unit["Service", "NotifyAccess"] == ["main"])
        #expect(unit["Service", "WatchdogSec"] == ["30"])
        #expect(unit["Service", "Restart"] == ["on-failure"])
        #expect(unit["Service", "RestartSec"] == ["5"])
        #expect(unit["Service", "RestartPreventExitStatus"] == ["78"])
        #expect(unit["Service", "ExecReload"] == ["/bin/kill -HUP $MAINPID"])
        #expect(unit["Service", "ExecStart"] == ["/usr/local/bin/openclaw-self-heal serve --config /etc/openclaw-self-heal/config.json5"])
        #expect(unit["Service", "ProtectSystem"] == ["strict"])
        #expect(unit["Service", "NoNewPrivileges"] == ["yes"])
        #expect(unit["Service", "SystemCallFilter"] == ["@system-service"])
        #expect(unit["Service", "SystemCallErrorNumber"] == ["EPERM"])
        #expect(unit["Service", "User"] != [])
        // The gateway's log lives in /tmp/openclaw: a private /tmp would hide it.
        #expect(unit["Service", "PrivateTmp"].allSatisfy { $0 == "no" })
        #expect(unit["Service", "ReadWritePaths"].joined(separator: " ").contains("/tmp/openclaw"))
        #expect(unit["Service", "ReadWritePaths"].joined(separator: " ").contains("/.openclaw"))
        // node (the openclaw CLI, a child) aborts under MemoryDenyWriteExecute.
        #expect(unit["Service", "MemoryDenyWriteExecute"] == ["no"])
        #expect(unit["Install", "WantedBy"] == ["multi-user.target"])
    }

    @Test func userServiceFitsBesideTheGatewayUnit() throws {
        let unit = try UnitFile(Repository.deploy("openclaw-self-heal.user.service"))
        #expect(unit["Unit", "After"] == ["openclaw-gateway.service"])
        #expect(unit["Service", "Type"] == ["notify"])
        #expect(unit["Service", "NotifyAccess"] == ["main"])
        #expect(unit["Service", "WatchdogSec"] == ["30"])
        #expect(unit["Service", "User"] == [])
        #expect(unit["Service", "ExecStart"].first?.contains("%h/") == true)
        #expect(unit["Service", "PrivateTmp"] == [])
        #expect(unit["Install", "WantedBy"] == ["default.target"])
    }

    @Test func socketListensOnTheDefaultAddress() throws {
        let unit = try UnitFile(Repository.deploy("openclaw-self-heal.socket"))
        #expect(unit["Socket", "ListenStream"] == ["127.0.0.1:9477"])
        #expect(unit["Socket", "Accept"] == ["no"])
        #expect(unit["Install", "WantedBy"] == ["sockets.target"])
    }
}

/// The assignments of a unit file, by section and key (repeated keys keep every value).
struct UnitFile {
    private var values: [String: [String]] = [:]

    init(_ url: URL) throws {
        var section = ""
        for raw in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast())
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            values[section + "/" + key, default: []].append(value)
        }
    }

    subscript(section: String, key: String) -> [String] {
        values[section + "/" + key] ?? []
    }
}
