import FoundationEssentials
import HealCore

/// Reads session model pins (`providerOverride` + `modelOverride`, docs/OPENCLAW.md §6) from the legacy
/// `sessions.json` store or from `openclaw gateway call sessions.list --json`.
public enum SessionsParser {
    public static let storeCommand = "sessions.json"
    public static let listCommand = "gateway call sessions.list --json"

    /// The legacy store: one JSON object keyed by session key. Entries without both overrides have no
    /// pin and are left out. A legacy entry with `modelOverride: "p/m"` and no provider is split.
    public static func parseStore(_ data: Data, path: String = storeCommand) throws(OpenClawOutputError) -> [SessionPin] {
        let value: JSONNode
        do {
            value = try JSONNode.decode(data)
        } catch {
            throw OpenClawOutputError(command: path, problem: .notJSON(
                expected: "a JSON object", excerpt: CLIJSON.excerpt(String(decoding: data.prefix(200), as: UTF8.self))))
        }
        guard let store = value.object else {
            throw OpenClawOutputError(command: path, problem: .unexpectedShape("expected an object keyed by session key, got \(value.kindName)"))
        }
        return store.keys.sorted().compactMap { key in store[key].flatMap { pin(key: key, entry: $0) } }
    }

    /// `gateway call sessions.list --json`. The shape is not verified: `{sessions:[{key,…}]}`, a bare
    /// array, or either inside `result`/`payload` are accepted.
    public static func parseList(_ result: CommandResult) throws(OpenClawOutputError) -> [SessionPin] {
        try parseList(stdout: CLIOutput.successfulStdout(result, command: listCommand))
    }

    public static func parseList(stdout: String) throws(OpenClawOutputError) -> [SessionPin] {
        var value = try CLIOutput.objectOrArray(stdout, command: listCommand)
        for wrapper in ["result", "payload"] {
            if let inner = value[wrapper], inner.isObject || inner.isArray { value = inner }
        }
        return try CLIOutput.records(value, key: "sessions", command: listCommand) { session, place throws(OpenClawOutputError) in
            guard let key = session["key"]?.string ?? session["sessionKey"]?.string else {
                throw OpenClawOutputError(command: listCommand, problem: .unexpectedShape("\(place) has no \"key\""))
            }
            return pin(key: key, entry: session)
        }
    }

    static func pin(key: String, entry: JSONNode) -> SessionPin? {
        guard var model = entry["modelOverride"]?.string, !model.isEmpty else { return nil }
        var provider = entry["providerOverride"]?.string ?? ""
        if provider.isEmpty {
            guard let slash = model.firstIndex(of: "/") else { return nil }
            provider = String(model[..<slash])
            model = String(model[model.index(after: slash)...])
        }
        guard !provider.isEmpty, !model.isEmpty else { return nil }
        return SessionPin(key: key, providerOverride: provider, modelOverride: model,
                          modelOverrideSource: entry["modelOverrideSource"]?.string)
    }
}
