import FoundationEssentials
import HealCore

/// Carries out heal actions against the real gateway through the `openclaw` CLI (and `gh`,
/// `systemctl`), every command an argv array run by the shared `CommandRunner` under
/// `openclaw.commandTimeoutSec`.
public struct OpenClawControl: GatewayControl {
    public let runner: CommandRunner
    /// Variables added to the daemon's environment for every command (empty: inherit as is).
    public var extraEnvironment: [String: String]
    /// argv prefix that runs GitHub's CLI.
    public var ghCommand: [String]
    /// argv prefix that runs systemctl (the restart fallback).
    public var systemctlCommand: [String]

    public init(runner: CommandRunner, extraEnvironment: [String: String] = [:],
                ghCommand: [String] = ["gh"], systemctlCommand: [String] = ["systemctl"]) {
        self.runner = runner; self.extraEnvironment = extraEnvironment
        self.ghCommand = ghCommand; self.systemctlCommand = systemctlCommand
    }

    /// The exact commands (or the file patch) `execute` runs. When an action has a fallback, its
    /// commands follow the primary one in `argv` (restart: `openclaw gateway restart`, then
    /// `systemctl --user restart …` only if the CLI could not act; probe: `infer model run`,
    /// then `models status --probe` only if the CLI has no `infer`).
    public func plan(_ action: HealAction, config: HealConfig) -> ActionPlan {
        switch action {
        case .restartGateway:
            return ActionPlan(argv: [OpenClawCommands.gatewayRestart(config), systemctlRestart(config)])
        case .disableCron(let id, _):
            return ActionPlan(argv: [OpenClawCommands.cronDisable(config, id: id)])
        case .disablePlugin(let id):
            return ActionPlan(argv: [OpenClawCommands.pluginDisable(config, id: id)])
        case .repinSession(let key, let from, let to), .restoreSessionPin(let key, let from, let to):
            return planPin(SessionsFilePatcher.Change(key: key, from: from, to: to), config: config)
        case .clearSessionPin(let key, let from):
            return planPin(SessionsFilePatcher.Change(key: key, from: from, to: nil), config: config)
        case .probeModel(let model):
            return ActionPlan(argv: [OpenClawCommands.inferProbe(config, model: model),
                                     OpenClawCommands.modelsStatusProbe(config, provider: model.provider)])
        case .fileIssue(let issue):
            guard !issue.repo.isEmpty else { return ActionPlan(argv: []) }
            return ActionPlan(argv: [issueCreate(issue)])
        case .restartChannel(let channel, let account, let stopFirst, _):
            let methods = stopFirst ? ["channels.stop", "channels.start"] : ["channels.start"]
            return ActionPlan(argv: methods.map { OpenClawCommands.channelLifecycle(config, method: $0, channel: channel, accountId: account) })
        }
    }

    public func execute(_ action: HealAction, config: HealConfig) async -> ActionOutcome {
        switch action {
        case .restartGateway: return await restartGateway(config)
        case .disableCron(let id, let name): return await disableCron(id: id, name: name, config: config)
        case .disablePlugin(let id): return await disablePlugin(id: id, config: config)
        case .repinSession(let key, let from, let to), .restoreSessionPin(let key, let from, let to):
            return await setSessionPin(key: key, from: from, to: to, config: config)
        case .clearSessionPin(let key, let from): return await setSessionPin(key: key, from: from, to: nil, config: config)
        case .probeModel(let model): return await probeModel(model, config: config)
        case .fileIssue(let issue): return await fileIssue(issue, config: config)
        case .restartChannel(let channel, let account, let stopFirst, _):
            return await restartChannel(channel: channel, accountId: account, stopFirst: stopFirst, config: config)
        }
    }

    // MARK: - shared

    var environment: [String: String]? {
        extraEnvironment.isEmpty ? nil : ProcessInfo.processInfo.environment.merging(extraEnvironment) { $1 }
    }

    func run(_ argv: [String], _ config: HealConfig) async -> CommandResult {
        await runner.run(argv, timeout: .seconds(max(1, config.openclaw.commandTimeoutSec)), environment: environment,
                         outputCap: config.openclaw.maxOutputMiB << 20)
    }

    func systemctlRestart(_ config: HealConfig) -> [String] {
        let env = environment ?? ProcessInfo.processInfo.environment
        return systemctlCommand + ["--user", "restart", OpenClawCommands.gatewayUnit(config, environment: env)]
    }

    func issueCreate(_ issue: IssueRequest) -> [String] {
        var argv = ghCommand + ["issue", "create", "-R", issue.repo, "--title", IssueText.title(issue.title),
                                "--body", IssueText.body(issue.body)]
        for label in issue.labels where !label.isEmpty { argv += ["--label", label] }
        return argv
    }

    /// A pin change as `sessions.patch` (or, with `openclaw.sessionPatch == "file"`, as the edit
    /// of the legacy `sessionsFile`).
    private func planPin(_ change: SessionsFilePatcher.Change, config: HealConfig) -> ActionPlan {
        if config.openclaw.sessionPatch == "file" {
            return ActionPlan(argv: [], filePatch: SessionsFilePatcher.describe(change, path: PathExpansion.expand(config.sessionsFile)))
        }
        return ActionPlan(argv: [OpenClawCommands.sessionsPatch(config, key: change.key, model: change.to)])
    }
}
