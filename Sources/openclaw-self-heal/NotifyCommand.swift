import ArgumentParser
import FoundationEssentials
import HealCore
import Notify
import OpenClawKit
import SelfHealDaemon

struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify", abstract: "Notification targets.", subcommands: [NotifyTest.self])
}

struct NotifyTest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Send a test message to each notification target now (not through the outbox) and print, per target, delivered or the error.")

    @OptionGroup var configFile: ConfigFileOption<NotifyTest>

    @Option(name: .long, help: "Only this target (its name).")
    var target: String?

    func run() async throws {
        let options = ServeOptions(configPath: configFile.config, environment: ProcessInfo.processInfo.environment)
        let loaded: HealConfig
        do {
            loaded = try DaemonConfigSource(options: options).load().config
        } catch {
            throw fail(CLIError("cannot read the config: \(error.description)", code: 1))
        }
        let resolved: ResolvedNotify
        switch NotifySecrets.resolve(loaded.notify) {
        case .success(let r): resolved = r
        case .failure(let failure): throw fail(CLIError(failure.description, code: 1))
        }
        if resolved.targets.isEmpty { throw fail(CLIError("no notification targets (notify.targets) in the config", code: 1)) }
        if let target, !resolved.targets.contains(where: { $0.name == target }) {
            throw fail(CLIError("no target named '\(target)' (targets: \(resolved.targets.map(\.name).joined(separator: ", ")))", code: 64))
        }
        let results = await Notifier.sendTest(resolved, config: loaded.notify, only: target,
                                              runner: CommandRunner(maxConcurrent: 2, outputCap: 64 << 10),
                                              userAgent: "openclaw-self-heal/\(Daemon.version)")
        var failed = false
        for r in results {
            if r.outcome.ok {
                print("\(r.name): delivered (HTTP \(r.outcome.status ?? 0), \(r.outcome.durationMs) ms)")
            } else {
                failed = true
                print("\(r.name): FAILED: \(r.outcome.error ?? "unknown error")")
            }
        }
        if failed { throw ExitCode(1) }
    }
}

extension NotifyTest: ConfigFileUse {
    static let help = "Config file (default: as serve finds it)."
}
