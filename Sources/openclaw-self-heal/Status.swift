import ArgumentParser
import FoundationEssentials
import HealCore
import SelfHealDaemon

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a running daemon's state: health, models, WhatsApp, crons, plugins, budget, last actions.")

    @OptionGroup var client: ClientOptions

    @Flag(name: .long, help: "Print the raw /status JSON.")
    var json = false

    func run() throws {
        try reportingFailures {
            let connection = try client.client()
            let response = try request { try connection.request("GET", "/status") }
            try ClientOptions.check(response)
            if json {
                print(response.text)
                return
            }
            let snapshot = try StatusSummary.decode(response.body)
            let events = try? connection.request("GET", "/events?limit=5")
            let records = events.flatMap { try? StatusSummary.decodeEvents($0.body) } ?? []
            print(StatusSummary.render(snapshot, recentActions: records), terminator: "")
        }
    }
}

/// Runs a client call, turning transport failures into exit code 2.
func request(_ body: () throws -> ControlClient.Response) throws -> ControlClient.Response {
    do {
        return try body()
    } catch let error as ControlClient.Failure {
        throw CLIError(error.description, code: 2)
    }
}
