import ArgumentParser
import FoundationEssentials
import HealCore
import SelfHealDaemon

struct Reload: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask a running daemon to re-read its config (like SIGHUP); prints the changed keys or every error.")

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures { print(try client.send("POST", "/reload").text) }
    }
}

struct Probe: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Probe cooled models now (within the probe budget) and print each result.")

    @OptionGroup var client: ClientOptions

    @Option(name: .long, help: "Probe only this model (provider/model).")
    var model: String?

    func run() throws {
        try reportingFailures {
            var target = "/probe"
            if let model {
                // What a query may hold unencoded, less the three that would split or change it.
                let encoded = PercentEncoding.encode(model, keeping: "-._~!$'()*,;:@/?")
                target += "?model=" + encoded
            }
            print(try client.send("POST", target).text)
        }
    }
}

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the version.")
    func run() { print("openclaw-self-heal \(Daemon.version)") }
}
