import ArgumentParser
import SelfHealDaemon

@main
struct OpenClawSelfHeal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openclaw-self-heal",
        abstract: "Heals what an OpenClaw gateway can recover from without a human.",
        discussion: """
            Exit codes: 0 success; 1 the answer is negative (invalid config, reload refused, \
            startup failed); 2 the daemon could not be reached or answered nonsense; 4 the token \
            was refused; 64 usage error.
            """,
        version: Daemon.version,
        subcommands: [Serve.self, Status.self, CheckConfig.self, Reload.self, Probe.self, Pause.self, Resume.self,
                      NotifyCommand.self, Version.self]
    )
}
