import FoundationEssentials
import HealCore

/// Reads WhatsApp's default account from `openclaw channels status --json` (docs/OPENCLAW.md §1).
///
/// - The account is the entry of `channelAccounts.whatsapp` whose `accountId` is
///   `channelDefaultAccountId.whatsapp` (else "default"); fields it lacks are taken from the channel
///   summary `channels.whatsapp`. Output with only the summary (older versions) uses the summary.
/// - Gateway unreachable is never a disconnect: the legacy human text on stdout with exit 0
///   ("Gateway not reachable; showing config-only status."), the current JSON with
///   `gatewayReachable: false`, and a non-zero exit whose error says the gateway is closed or
///   refused all give `gatewayReachable: false`.
/// - WhatsApp absent from the payload (or `error: "unknown channel: whatsapp"`) gives `present: false`.
public enum ChannelsStatusParser {
    public static let command = "channels status --json"

    public static func parse(_ result: CommandResult) throws(OpenClawOutputError) -> WhatsAppObservation {
        try CLIOutput.requireCompleted(result, command: command)
        if result.exitCode != 0 {
            if CLIOutput.saysGatewayUnreachable(result.stderr + "\n" + result.stdout) {
                return unreachable(configOnlyText: result.stdout)
            }
            throw OpenClawOutputError(command: command, problem: .commandFailed(result.failureSummary))
        }
        return try parse(stdout: result.stdout)
    }

    public static func parse(stdout: String) throws(OpenClawOutputError) -> WhatsAppObservation {
        guard let value = CLIJSON.parse(stdout) else {
            if CLIOutput.saysGatewayUnreachable(stdout) { return unreachable(configOnlyText: stdout) }
            throw OpenClawOutputError(command: command, problem: .notJSON(expected: "a JSON object", excerpt: CLIJSON.excerpt(stdout)))
        }
        guard let payload = value.object else {
            throw OpenClawOutputError(command: command, problem: .unexpectedShape("expected a JSON object, got \(value.kindName)"))
        }
        let reachable = payload["gatewayReachable"]?.bool ?? true
        let summary = payload["channels"]?["whatsapp"]?.object
        let account = defaultAccount(payload)

        if summary == nil && account == nil {
            let known = ["channels", "channelAccounts", "gatewayReachable", "error"]
            guard known.contains(where: { payload[$0] != nil }) else {
                throw OpenClawOutputError(command: command, problem: .unexpectedShape(
                    "expected channels/channelAccounts in the payload, got keys \(payload.keys.sorted().prefix(8).joined(separator: ", "))"))
            }
            return WhatsAppObservation(present: false, gatewayReachable: reachable)
        }
        return observation(account: account?.fields ?? [:], accountId: account?.id, summary: summary ?? [:], reachable: reachable)
    }

    private static func defaultAccount(_ payload: [String: JSONNode]) -> (id: String?, fields: [String: JSONNode])? {
        guard let accounts = payload["channelAccounts"]?["whatsapp"]?.array?.compactMap(\.object), !accounts.isEmpty else {
            return nil
        }
        let wanted = payload["channelDefaultAccountId"]?["whatsapp"]?.string ?? "default"
        // Multi-account setups: only the default account speaks for the channel. When it is missing
        // from the list, the first account is the best remaining witness.
        let chosen = accounts.first { $0["accountId"]?.string == wanted } ?? accounts[0]
        return (chosen["accountId"]?.string ?? wanted, chosen)
    }

    private static func observation(account: [String: JSONNode], accountId: String?, summary: [String: JSONNode],
                                    reachable: Bool) -> WhatsAppObservation {
        func field(_ key: String) -> JSONNode? {
            if let value = account[key], !value.isNull { return value }
            if let value = summary[key], !value.isNull { return value }
            return nil
        }
        let disconnect = LastDisconnect(field("lastDisconnect"))
        let healthState = field("healthState")?.string
        var observation = WhatsAppObservation(
            present: true,
            gatewayReachable: reachable,
            accountId: accountId,
            enabled: field("enabled")?.bool,
            configured: field("configured")?.bool,
            linked: field("linked")?.bool,
            running: field("running")?.bool,
            connected: field("connected")?.bool,
            healthState: healthState,
            reconnectAttempts: field("reconnectAttempts")?.int,
            lastDisconnectAt: disconnect.at,
            lastDisconnectStatus: disconnect.status,
            loggedOut: disconnect.loggedOut || healthState == "logged-out",
            lastError: field("lastError")?.string ?? disconnect.error
        )
        observation.lastConnectedAt = field("lastConnectedAt").flatMap(LastDisconnect.date)
        observation.lastStartAt = field("lastStartAt").flatMap(LastDisconnect.date)
        return observation
    }

    /// `lastDisconnect` is a string (older versions) or `{at, status?, error?, loggedOut?}`.
    private struct LastDisconnect {
        var at: Date?
        var status: Int?
        var error: String?
        var loggedOut = false

        init(_ value: JSONNode?) {
            guard let value else { return }
            if value.isObject {
                at = value["at"].flatMap(Self.date)
                status = value["status"]?.int
                error = value["error"]?.string
                loggedOut = value["loggedOut"]?.bool ?? false
            } else if let text = value.string {
                if let date = Self.date(value) { at = date } else { error = text }
            }
        }

        static func date(_ value: JSONNode) -> Date? {
            if let ms = value.double { return Date(timeIntervalSince1970: ms / 1000) }
            guard let text = value.string else { return nil }
            if let date = try? Date(text, strategy: .iso8601) { return date }
            return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        }
    }

    /// The gateway could not be asked. What the config-only text says about WhatsApp is kept
    /// (`- WhatsApp default: enabled, configured, linked`); running/connected stay unknown.
    private static func unreachable(configOnlyText: String) -> WhatsAppObservation {
        for line in configOnlyText.split(separator: "\n") {
            let trimmed = line.trimming(.whitespaces)
            guard trimmed.hasPrefix("- WhatsApp"), let colon = trimmed.firstIndex(of: ":") else { continue }
            let name = trimmed[trimmed.index(trimmed.startIndex, offsetBy: "- WhatsApp".count)..<colon]
                .trimming(.whitespaces)
            let bits = trimmed[trimmed.index(after: colon)...].split(separator: ",")
                .map { $0.trimming(.whitespaces) }
            func flag(_ yes: String, _ no: String) -> Bool? {
                bits.contains(yes) ? true : (bits.contains(no) ? false : nil)
            }
            return WhatsAppObservation(present: true, gatewayReachable: false, accountId: name.isEmpty ? nil : name,
                                       enabled: flag("enabled", "disabled"),
                                       configured: flag("configured", "not configured"),
                                       linked: flag("linked", "not linked"))
        }
        return WhatsAppObservation(present: false, gatewayReachable: false)
    }
}
