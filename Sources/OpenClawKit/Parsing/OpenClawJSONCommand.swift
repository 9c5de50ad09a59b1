/// A reader of one `openclaw … --json` command whose output counts only when it exits 0: the
/// command, and what its stdout says. Reading a `CommandResult` (launch error, timeout, signal,
/// a cut output or a non-zero exit are errors naming the command) is the same for every one.
public protocol OpenClawJSONCommand {
    associatedtype Output
    /// The command as error texts name it (`plugins list --json`).
    static var command: String { get }
    static func parse(stdout: String) throws(OpenClawOutputError) -> Output
}

extension OpenClawJSONCommand {
    public static func parse(_ result: CommandResult) throws(OpenClawOutputError) -> Output {
        try parse(stdout: CLIOutput.successfulStdout(result, command: command))
    }
}
