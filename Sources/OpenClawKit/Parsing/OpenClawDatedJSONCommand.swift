import FoundationEssentials

/// `OpenClawJSONCommand` for an output that gives times relative to now (an uptime), so reading it
/// needs the clock.
public protocol OpenClawDatedJSONCommand {
    associatedtype Output
    static var command: String { get }
    static func parse(stdout: String, now: Date) throws(OpenClawOutputError) -> Output
}

extension OpenClawDatedJSONCommand {
    public static func parse(_ result: CommandResult, now: Date = Date()) throws(OpenClawOutputError) -> Output {
        try parse(stdout: CLIOutput.successfulStdout(result, command: command), now: now)
    }

    public static func parse(stdout: String) throws(OpenClawOutputError) -> Output {
        try parse(stdout: stdout, now: Date())
    }
}
