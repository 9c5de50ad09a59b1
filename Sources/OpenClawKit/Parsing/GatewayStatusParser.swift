/// Reads `openclaw gateway status --json` (SURFACE §4.1): reachability is `rpc.ok`, never the exit code.
public enum GatewayStatusParser {
    public static let command = "gateway status --json"

    public static func parse(_ result: CommandResult) throws(OpenClawOutputError) -> GatewayStatusReport {
        try CLIOutput.requireExitZero(result, command: command)
        return try parse(stdout: result.stdout)
    }

    public static func parse(stdout: String) throws(OpenClawOutputError) -> GatewayStatusReport {
        let payload = try CLIOutput.object(stdout, command: command)
        guard let rpc = payload["rpc"], let ok = rpc["ok"]?.bool else {
            throw OpenClawOutputError(command: command, problem: .unexpectedShape("no rpc.ok in the payload (was --no-probe given?)"))
        }
        return GatewayStatusReport(rpcOK: ok, rpcError: rpc["error"]?.string, rpcURL: rpc["url"]?.string,
                                   serviceRuntime: payload["service"]?["runtime"]?["status"]?.string)
    }
}
