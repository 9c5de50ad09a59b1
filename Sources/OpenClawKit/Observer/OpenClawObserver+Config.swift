import FoundationEssentials
import HealCore

extension OpenClawObserver {
    /// The guard's view of OpenClaw's config: the JSON5 walk over `openclaw.json` and its
    /// `$include`s, then, when the CLI offers it, `openclaw config validate` (OpenClaw's own schema
    /// check) within the command timeout. A timeout refuses like an invalid config: the guard
    /// cannot vouch for what it could not check. A CLI without the command (an unknown-command
    /// answer) leaves the walk's verdict. The answer is remembered for the same bytes (see
    /// `ConfigValidateCache`), so the command runs when the config changes, not every tick.
    func observeConfig(_ config: HealConfig) async -> (ConfigFileObservation, ConfigFileSet) {
        let (walked, files) = await DedicatedThread.run(name: "config check") { [configFile = config.configFile] in
            OpenClawConfigCheck.inspect(path: configFile)
        }
        guard walked == .valid else { return (walked, files) }
        let now = clock.now()
        if let remembered = validateCache.answer(for: files.digest, now: now) { return (remembered ?? walked, files) }
        let result = await run(OpenClawCommands.configValidate(config), config)
        let verdict = Self.validateVerdict(result, timeoutSec: config.openclaw.commandTimeoutSec)
        if !result.timedOut { validateCache.remember(verdict, for: files.digest, now: now) }
        return (verdict ?? walked, files)
    }

    /// nil when the answer says nothing the walk did not (valid, not offered, unreadable).
    static func validateVerdict(_ result: CommandResult, timeoutSec: Int) -> ConfigFileObservation? {
        if result.timedOut {
            return .invalid("openclaw config validate did not answer within \(timeoutSec) s")
        }
        if result.launchError != nil { return nil }
        let said = (result.stderr + "\n" + result.stdout).lowercased()
        if result.exitCode != 0, said.contains("unknown command") || said.contains("unknown option") { return nil }
        switch try? ConfigValidateParser.parse(result) {
        case .invalid(let why)?: return .invalid("openclaw config validate: \(why)")
        default: return nil
        }
    }
}
