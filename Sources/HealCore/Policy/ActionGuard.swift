/// Refuses disruptive actions while OpenClaw's config cannot be trusted.
///
/// - invalid (`openclaw.json` or one of its `$include` files does not parse as JSON5, or
///   `openclaw config validate` rejects it or does not answer in time): every disruptive action is
///   refused. A restart would fail
///   anyway (the gateway exits 78 on an invalid config) and any other change risks compounding
///   whatever broke the file.
/// - missing: gateway restarts and plugin disables are refused (the gateway would come back on
///   defaults, a plugin disable would create the file, and no backup can be taken); session repins
///   and cron disables go through the running gateway and stay allowed.
/// Probes and issues change nothing and are never refused here.
///
/// Before the first observation the guard is closed (`notObservedYet`): nothing says the config is
/// good yet, so a failure event arriving before the first tick moves no session.
public enum ActionGuard {
    public static let notObservedYet = "openclaw.json not observed yet (the guard stays closed until the first tick)"

    /// The refusal of `action` in `context`: a maintenance hold first, then the config checks.
    public static func refusal(for action: HealAction, context: PolicyContext) -> String? {
        guard action.isDisruptive else { return nil }
        if let hold = context.hold { return hold }
        return refusal(for: action, configFile: context.configFile)
    }

    public static func refusal(for action: HealAction, configFile: ConfigFileObservation) -> String? {
        if let refusal = credentialRefusal(for: action) { return refusal }
        guard action.isDisruptive else { return nil }
        switch configFile {
        case .valid:
            return nil
        case .invalid(let why) where why == notObservedYet:
            return "guard closed: \(why)"
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
