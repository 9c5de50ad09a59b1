import Foundation
import HealCore
import OpenClawKit

/// One monitor tick without the commands: parse the captured stdout of `cron list --all --json`,
/// `plugins list --json` and `channels status --json` (as `OpenClawObserver` does once the commands
/// have run), decide (`Policy.evaluate`), and the healer's whole processing (`Healer.tick`: policy,
/// audit, state save with fsync, status file), which is what the daemon adds to the gathering time.
///
/// Run 0 sees every job for the first time; the rest are steady-state ticks over the same output.
///
/// Parse and decide run on one thread without waiting, so beside their wall time their thread CPU
/// time is given too (`parseCpuMs`, `decideCpuMs`): on a shared machine the wall time includes the
/// time other processes held the core, the CPU time is the work itself.
enum TickCost {
    static func run(directory: String, runs: Int) async {
        let cronText = read(directory + "/cron.json")
        let pluginsText = read(directory + "/plugins.json")
        let channelsText = read(directory + "/channels.json")
        let config = benchConfig(stateDirectory: directory + "/state")
        let control = CountingControl()
        let healer = Healer(config: config, control: control, clock: SystemClock(), version: "bench", pid: getpid())
        _ = await healer.load()
        var state = HealState()

        for run in 0...runs {
            let parseCpuStart = threadCPUMilliseconds()
            let (observation, parseMs) = Stopwatch.milliseconds {
                observe(cron: cronText, plugins: pluginsText, channels: channelsText)
            }
            let parseCpuMs = threadCPUMilliseconds() - parseCpuStart
            let now = Date()
            let decideCpuStart = threadCPUMilliseconds()
            let (result, decideMs) = Stopwatch.milliseconds {
                Policy.evaluate(state: state, observation: observation, now: now, config: config)
            }
            let decideCpuMs = threadCPUMilliseconds() - decideCpuStart
            state = result.state
            let (report, healerTickMs) = await Stopwatch.milliseconds { await healer.tick(observation) }
            JSONLine.print([
                "run": run, "first": run == 0,
                "jobs": observation.cronJobs.value?.count ?? -1, "plugins": observation.plugins.value?.count ?? -1,
                "cronBytes": cronText.utf8.count, "parseMs": parseMs, "decideMs": decideMs,
                "parseCpuMs": parseCpuMs, "decideCpuMs": decideCpuMs,
                "healerTickMs": healerTickMs, "decisions": result.decisions.count,
                "healerDecisions": report.decisions.count, "actionsExecuted": control.executedCount,
                "trackedJobs": state.crons.count, "faults": report.faults.count,
            ])
        }
    }

    static func observe(cron: String, plugins: String, channels: String) -> Observation {
        Observation(
            at: Date(), gateway: GatewayObservation(reachable: true, live: true, ready: true, detail: "benchmark"),
            whatsapp: observed { () throws(OpenClawOutputError) in try ChannelsStatusParser.parse(stdout: channels) },
            cronJobs: observed { () throws(OpenClawOutputError) in try CronListParser.parse(stdout: cron) },
            plugins: observed { () throws(OpenClawOutputError) in try PluginsListParser.parse(stdout: plugins) },
            sessions: .value([]), openclawConfig: .valid)
    }

    /// CPU time of the calling thread so far.
    static func threadCPUMilliseconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1e6
    }

    static func observed<T>(_ parse: () throws(OpenClawOutputError) -> T) -> Observed<T> {
        do { return .value(try parse()) } catch { return .unavailable(error.description) }
    }

    static func benchConfig(stateDirectory: String) -> HealConfig {
        try? FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        var config = HealConfig()
        config.probeEnabled = false
        config.stateFile = stateDirectory + "/self-heal-state.json"
        config.statusFile = stateDirectory + "/self-heal-status.json"
        config.auditFile = stateDirectory + "/self-heal-audit.jsonl"
        config.metricsFile = stateDirectory + "/metrics.jsonl"
        config.configFile = stateDirectory + "/openclaw.json"
        config.configBackupsDir = stateDirectory + "/backups"
        config.sessionsFile = stateDirectory + "/sessions.json"
        return config
    }

    static func read(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
            exit(1)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
