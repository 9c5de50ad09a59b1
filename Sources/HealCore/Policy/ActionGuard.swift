/// Refuses disruptive actions while `openclaw.json` cannot be trusted.
///
/// - invalid (does not parse as JSON5): every disruptive action is refused. A restart would fail
///   anyway (the gateway exits 78 on an invalid config) and any other change risks compounding
///   whatever broke the file.
/// - missing: gateway restarts and plugin disables are refused (the gateway would come back on
///   defaults, a plugin disable would create the file, and no backup can be taken); session repins
///   and cron disables go through the running gateway and stay allowed.
/// Probes and issues change nothing and are never refused here.
public enum ActionGuard {
    /// The refusal of `action` in `context`: a maintenance hold first, then the config checks.
    public static func refusal(for action: HealAction, context: PolicyContext) -> String? {
        guard action.isDisruptive else { return nil }
        if let hold = context.hold { return hold }
        return refusal(for: action, configFile: context.configFile)
    }

    public static func refusal(for action: HealAction, configFile: ConfigFileObservation) -> String? {
        guard action.isDisruptive else { return nil }
        switch configFile {
        case .valid:
            return nil
        case .invalid(let why):
            return "config invalid: \(why.isEmpty ? "openclaw.json does not parse" : why)"
        case .missing:
            switch action {
            case .restartGateway, .disablePlugin:
                return "config missing: openclaw.json not found; no restart or plugin change without it"
            default:
                return nil
            }
        }
    }
}
