import ArgumentParser
import FoundationEssentials
import HealCore

struct CheckConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a config like `nginx -t`: every error with its key (exit 1), or the effective config (exit 0).")

    @Argument(help: "The JSON5 config file (default: the plugin entry in openclaw.json, then built-in defaults).")
    var file: String?

    func run() throws {
        let report = CheckConfigCommand.run(path: file)
        let text = report.output.hasSuffix("\n") ? report.output : report.output + "\n"
        if report.exitCode == 0 {
            StandardStream.output(text)
        } else {
            StandardStream.error(text)
            throw ExitCode(report.exitCode)
        }
    }
}
