import ArgumentParser
import SelfHealDaemon

@main
struct OpenClawSelfHeal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openclaw-self-heal",
        abstract: "Heals what an OpenClaw gateway can recover from without a human."
    )
    mutating func run() async throws {}
}
