import NetAddress

/// The paths that default to a place next to the state file. The loader keeps `auditFile` and
/// `server.tokenFile` empty when the config leaves them empty (so a reload that moves the state
/// file moves them too, and the diff names only what the user changed); everything that opens
/// these files uses the resolved values below.
extension HealConfig {
    /// `auditFile`, or `<dir of stateFile>/self-heal-audit.jsonl` when it is empty.
    public var resolvedAuditFile: String {
        auditFile.isEmpty ? ConfigPath.join(ConfigPath.directory(of: stateFile), "self-heal-audit.jsonl") : auditFile
    }

    /// `server.tokenFile`, or `<dir of stateFile>/self-heal.token` when it is empty.
    public var resolvedTokenFile: String {
        server.tokenFile.isEmpty ? ConfigPath.join(ConfigPath.directory(of: stateFile), "self-heal.token") : server.tokenFile
    }

    /// A copy with the derived paths written out, as `check-config` shows the effective config.
    public func withResolvedPaths() -> HealConfig {
        var copy = self
        copy.auditFile = resolvedAuditFile
        copy.server.tokenFile = resolvedTokenFile
        return copy
    }

    /// `server.listen` taken apart (nil only for a config that did not pass validation).
    public var listenAddress: ListenAddress? {
        try? ListenAddress.parse(server.listen).get()
    }
}
