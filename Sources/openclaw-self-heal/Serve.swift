import ArgumentParser
import FoundationEssentials
import Glibc
import Logging
import SelfHealDaemon
import SystemdKit

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the daemon: monitor the gateway, heal, and serve the HTTP control surface.")

    @OptionGroup var configFile: ConfigFileOption<Serve>

    @Option(name: .long, help: "Listen address HOST:PORT ([::1]:PORT for IPv6; port 0 picks a free one).")
    var listen: String?

    @Option(name: .long, help: "The openclaw CLI to run (default: openclaw on PATH).")
    var openclawBin: String?

    @Option(name: .long, help: "Directory for the state, status, audit and token files.")
    var stateDir: String?

    @Flag(name: .long, help: "Decide and record every action, execute none.")
    var dryRun = false

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func run() async throws {
        let level: Logger.Level
        do {
            level = try Logger.Level(parsing: logLevel)
        } catch {
            throw ValidationError("--log-level: \(error)")
        }
        // A client that goes away must cost a failed write, never the process.
        signal(SIGPIPE, SIG_IGN)
        let environment = ProcessInfo.processInfo.environment
        // Two malloc arenas, not eight per core: the threads (event loops, the cooperative pool,
        // the journal) rarely allocate at once, and each extra arena keeps the pages freed after
        // a burst (BENCHMARKS.md, failure storm). MALLOC_ARENA_MAX in the environment wins.
        if environment["MALLOC_ARENA_MAX"] == nil { _ = glibcMallopt(glibcArenaMax, 2) }
        SystemdLogHandler.bootstrap(level: level, environment: environment)
        let logger = Logger(label: "openclaw-self-heal")
        let options = ServeOptions(configPath: configFile.config, listen: listen, openclawBin: openclawBin,
                                   stateDir: stateDir, dryRun: dryRun, environment: environment)
        do {
            let daemon = try Daemon(options: options, logger: logger)
            try await daemon.run()
        } catch let error as Daemon.StartupError {
            logger.critical("\(error)")
            throw ExitCode(error.exitCode)
        } catch {
            logger.critical("\(error)")
            throw ExitCode(1)
        }
    }
}

extension Serve: ConfigFileUse {
    static let help = "JSON5 config file (default: the plugin entry in openclaw.json, then built-in defaults)."
}

/// glibc's `mallopt(3)` and its `M_ARENA_MAX` (malloc.h, which Glibc's module map leaves out).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
private let glibcArenaMax: Int32 = -8
