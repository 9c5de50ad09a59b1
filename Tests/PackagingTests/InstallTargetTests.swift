import Foundation
import Testing
import TestSupport

/// `make install` / `make uninstall` into a temporary prefix. The build prerequisite is skipped
/// (`-o build -o deps-build`) and a stand-in binary installed (RELEASE_BIN=/bin/true): what is
/// under test is the layout, the path rewriting, the kept config and the drop-in, not the compiler.
/// The installed units are then verified where they landed, so ExecStart's rewritten path is real.
@Suite struct InstallTargetTests {
    static let make = ExternalTool.find("make")

    private func runMake(_ arguments: [String], prefix: URL, sysconf: URL) throws -> ExternalTool.Result {
        try ExternalTool.run(
            Self.make!,
            ["-C", Repository.root.path, "-o", "build", "-o", "deps-build"] + arguments + [
                "PREFIX=\(prefix.path)", "SYSCONFDIR=\(sysconf.path)", "RELEASE_BIN=/bin/true", "DESTDIR=",
            ],
            // Under `make test` the outer make's flags and command-line variables would reach
            // this make through the environment.
            environment: ["MAKEFLAGS": "", "MFLAGS": "", "MAKELEVEL": ""]
        )
    }

    /// `sudo make install` must never compile (a root-owned .build would break the next build
    /// as the user): without a release binary it stops and says what to run.
    @Test(.enabled(if: make != nil, "make is not installed"))
    func installWithoutABuiltBinaryStopsInsteadOfBuilding() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try ExternalTool.run(
            Self.make!,
            ["-C", Repository.root.path, "install", "PREFIX=\(directory.url.path)/prefix", "SYSCONFDIR=\(directory.url.path)/etc",
             "RELEASE_BIN=\(directory.url.path)/missing/openclaw-self-heal", "DESTDIR="],
            environment: ["MAKEFLAGS": "", "MFLAGS": "", "MAKELEVEL": ""]
        )
        #expect(result.status != 0)
        #expect(result.standardError.contains("is missing: run 'make build' first"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.url.path + "/prefix/bin/openclaw-self-heal"))
    }

    @Test(.enabled(if: make != nil, "make is not installed"))
    func installsEverythingAndKeepsAnExistingConfig() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let prefix = directory.url.appendingPathComponent("prefix")
        let sysconf = directory.url.appendingPathComponent("etc")

        let first = try runMake(["install", "OPENCLAW_USER=root"], prefix: prefix, sysconf: sysconf)
        #expect(first.status == 0, "make install failed: \(first.standardError)")

        let files = [
            "prefix/bin/openclaw-self-heal",
            "prefix/lib/systemd/system/openclaw-self-heal.service",
            "prefix/lib/systemd/system/openclaw-self-heal.socket",
            "prefix/lib/systemd/user/openclaw-self-heal.service",
            "prefix/lib/systemd/user/openclaw-self-heal.socket",
            "prefix/share/openclaw-self-heal/prometheus/alerts.yml",
            "prefix/share/openclaw-self-heal/prometheus/scrape.yml",
            "prefix/share/openclaw-self-heal/INSTALL.md",
            "etc/openclaw-self-heal/config.json5",
            "etc/openclaw-self-heal/config.example.json5",
            "etc/systemd/system/openclaw-self-heal.service.d/user.conf",
        ]
        for file in files {
            #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(file).path), "missing \(file)")
        }
        #expect(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/openclaw-self-heal").path))

        let system = try UnitFile(prefix.appendingPathComponent("lib/systemd/system/openclaw-self-heal.service"))
        #expect(system["Service", "ExecStart"] == [
            "\(prefix.path)/bin/openclaw-self-heal serve --config \(sysconf.path)/openclaw-self-heal/config.json5",
        ])
        let user = try UnitFile(prefix.appendingPathComponent("lib/systemd/user/openclaw-self-heal.service"))
        #expect(user["Service", "ExecStart"].first?.hasPrefix("\(prefix.path)/bin/openclaw-self-heal serve") == true)

        let dropIn = try UnitFile(sysconf.appendingPathComponent("systemd/system/openclaw-self-heal.service.d/user.conf"))
        #expect(dropIn["Service", "User"] == ["root"])
        #expect(dropIn["Service", "Group"] == ["root"])
        #expect(dropIn["Service", "ReadWritePaths"] == ["-/root/.openclaw -/root/.aahp"])
        #expect(dropIn["Service", "Environment"] == ["XDG_RUNTIME_DIR=/run/user/0"])

        if let analyze = DeployUnitTests.analyze {
            let verify = try ExternalTool.run(analyze, [
                "verify",
                prefix.appendingPathComponent("lib/systemd/system/openclaw-self-heal.service").path,
                prefix.appendingPathComponent("lib/systemd/system/openclaw-self-heal.socket").path,
            ])
            #expect(verify.status == 0 && verify.standardError.isEmpty, "installed unit: \(verify.standardError)")
        }

        // A second install keeps the config the user edited; uninstall leaves it too.
        let config = sysconf.appendingPathComponent("openclaw-self-heal/config.json5")
        try "// edited\n{}\n".write(to: config, atomically: true, encoding: .utf8)
        let second = try runMake(["install"], prefix: prefix, sysconf: sysconf)
        #expect(second.status == 0, "second make install failed: \(second.standardError)")
        #expect(try String(contentsOf: config, encoding: .utf8) == "// edited\n{}\n")

        let removed = try runMake(["uninstall"], prefix: prefix, sysconf: sysconf)
        #expect(removed.status == 0, "make uninstall failed: \(removed.standardError)")
        for file in files where file != "etc/openclaw-self-heal/config.json5" {
            #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(file).path), "left \(file)")
        }
        #expect(try String(contentsOf: config, encoding: .utf8) == "// edited\n{}\n")
    }

    @Test(.enabled(if: make != nil, "make is not installed"))
    func anUnknownUserIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try runMake(
            ["install", "OPENCLAW_USER=no-such-user-4711"],
            prefix: directory.url.appendingPathComponent("prefix"), sysconf: directory.url.appendingPathComponent("etc")
        )
        #expect(result.status != 0)
        #expect(result.standardError.contains("no such user: no-such-user-4711"))
    }
}
