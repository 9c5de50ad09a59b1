import Foundation
import Testing

/// `deploy/debian/build-deb` (what `make deb` runs on the release binary), here on the binary
/// under test: contents, lintian, then dpkg -i into a namespace's throwaway file system, the unit
/// started by its systemd, and dpkg -r / -P leaving nothing behind.
@Suite(.serialized)
struct DebianPackageTests {
    static let builder = Repository.path("deploy/debian/build-deb")

    static func build(into directory: String) throws -> String {
        let result = try Command.run([builder, Repository.binary, directory], timeout: 180)
        guard result.succeeded else { throw TestFailure("build-deb: \(result)") }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static var unavailableReason: String? {
        for tool in ["dpkg-deb", "readelf", "strip"] where Command.find(tool) == nil {
            return "\(tool) is not installed (apt-get install dpkg-dev binutils)"
        }
        return FileManager.default.isExecutableFile(atPath: Repository.binary) ? nil : "\(Repository.binary) is not built"
    }

    @Test func packageHasTheFilesAndLintianFindsNoError() throws {
        if let reason = Self.unavailableReason { print("skipped: \(reason)"); return }
        let directory = NSTemporaryDirectory() + "deb-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let deb = try Self.build(into: directory)
        let arch = try Command.run(["dpkg", "--print-architecture"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect((deb as NSString).lastPathComponent.range(of: #"^openclaw-self-heal_[0-9]+\.[0-9]+\.[0-9]+_"# + arch + #"\.deb$"#,
                                                          options: .regularExpression) != nil, "\(deb)")
        let listing = try Command.run(["dpkg-deb", "-c", deb]).output
        for path in ["./usr/bin/openclaw-self-heal", "./lib/systemd/system/openclaw-self-heal.service",
                     "./lib/systemd/system/openclaw-self-heal.socket", "./usr/lib/systemd/user/openclaw-self-heal.service",
                     "./usr/lib/systemd/user/openclaw-self-heal.socket", "./etc/openclaw-self-heal/config.json5",
                     "./usr/share/doc/openclaw-self-heal/examples/config.example.json5",
                     "./usr/share/openclaw-self-heal/prometheus/scrape.yml", "./usr/share/openclaw-self-heal/prometheus/alerts.yml",
                     "./usr/share/openclaw-self-heal/grafana/openclaw-self-heal.json",
                     "./usr/share/man/man1/openclaw-self-heal.1.gz", "./usr/share/doc/openclaw-self-heal/copyright"] {
            #expect(listing.contains(path + "\n"), "\(path) is not in the package")
        }
        let fields = try Command.run(["dpkg-deb", "-f", deb, "Depends", "Version"]).output
        #expect(fields.contains("libsystemd0"), "\(fields)")
        // The man page is the binary's --help, every subcommand included.
        let man = try Command.run(["sh", "-c", "dpkg-deb --fsys-tarfile \"$1\" | tar -xO ./usr/share/man/man1/openclaw-self-heal.1.gz | gunzip", "man", deb])
        for command in ["serve", "status", "check-config", "reload", "probe"] {
            let heading = ".SS " + command.replacingOccurrences(of: "-", with: "\\-")
            #expect(man.output.contains(heading), "no section for \(command) in the man page")
        }
        let flag = #"\-\-state\-dir"#  // roff's escaped hyphens
        #expect(man.output.contains(flag), "no --state-dir in the man page")

        guard let lintian = Command.find("lintian") else {
            print("skipped the lintian check: lintian is not installed (apt-get install lintian)")
            return
        }
        // A debug build links the toolchain's Swift runtime through a RUNPATH, which Debian's
        // policy forbids; the release binary (`make deb`) links it statically and has none.
        let dynamic = try Command.run(["readelf", "-d", Repository.binary]).output
        var arguments = [lintian, "--no-tag-display-limit"]
        if dynamic.contains("(RUNPATH)") || dynamic.contains("(RPATH)") {
            print("note: \(Repository.binary) has a RUNPATH (debug build); lintian's custom-library-search-path is not counted")
            arguments += ["--suppress-tags", "custom-library-search-path"]
        }
        let report = try Command.run(arguments + [deb], timeout: 300)
        let errors = report.output.split(separator: "\n").filter { $0.hasPrefix("E:") }
        #expect(errors.isEmpty, "lintian errors:\n\(report.output)")
    }

    @Test func installStartAndRemoveUnderTheNamespacedSystemd() throws {
        if let reason = Self.unavailableReason { print("skipped: \(reason)"); return }
        let fixture = try SystemUnitFixture()
        var deb = ""
        try SystemdNamespace.with({ ns in
            deb = try Self.build(into: ns.directory + "/deb")
        }) { ns in
            let service = SystemUnitFixture.service
            let install = try ns.exec(["dpkg", "-i", deb], timeout: 120)
            #expect(install.succeeded, "\(install)")
            #expect(try ns.exec(["dpkg-query", "-W", "-f=${Status}", "openclaw-self-heal"]).output == "install ok installed")
            // Installed, not started: the account is the admin's choice.
            #expect(try ns.property(service, "LoadState") == "loaded")
            #expect(try ns.property(service, "ActiveState") == "inactive")
            #expect(try ns.property(service, "ExecStart").contains("path=/usr/bin/openclaw-self-heal"))
            try ns.write(fixture.config(in: ns), to: SystemUnitFixture.configPath)
            try ns.addDropIn(service, "log", ns.logDropIn())
            try ns.systemctl(["start", service])
            #expect(try ns.property(service, "ActiveState") == "active", "\(ns.serviceLog())")
            #expect(fixture.health() == 200)
            #expect(try ns.exec(["man", "-w", "openclaw-self-heal"]).succeeded)

            let remove = try ns.exec(["dpkg", "-r", "openclaw-self-heal"], timeout: 120)
            #expect(remove.succeeded, "\(remove)")
            #expect(fixture.health() == nil, "the healer still answers after dpkg -r")
            #expect(try ns.exec(["test", "-e", "/usr/bin/openclaw-self-heal"]).status != 0)
            #expect(try ns.property(service, "LoadState") == "not-found")
            // The conffile stays until purge, like every Debian package's.
            #expect(try ns.exec(["test", "-e", SystemUnitFixture.configPath]).succeeded)
            let purge = try ns.exec(["dpkg", "-P", "openclaw-self-heal"], timeout: 120)
            #expect(purge.succeeded, "\(purge)")
            #expect(try ns.exec(["test", "-e", "/etc/openclaw-self-heal/config.json5"]).status != 0)
            #expect(try ns.exec(["test", "-e", SystemUnitFixture.stateDirectory]).status != 0, "the state directory survived the purge")
            let left = try ns.exec(["dpkg", "-L", "openclaw-self-heal"])
            #expect((left.output + left.errors).contains("is not installed"), "\(left)")
        }
    }
}
