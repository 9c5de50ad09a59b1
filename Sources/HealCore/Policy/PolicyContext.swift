/// What the policy needs to know besides the state when it handles a failure event or a probe
/// result between ticks: the sessions seen at the last tick and the last verdict on `openclaw.json`.
public struct PolicyContext: Sendable, Equatable {
    public var knownPins: [SessionPin]
    public var configFile: ConfigFileObservation
    /// Set while disruptive actions are held back (`MaintenanceGate`): the refusal to record.
    public var hold: String?
    public init(knownPins: [SessionPin] = [], configFile: ConfigFileObservation = .valid, hold: String? = nil) {
        self.knownPins = knownPins; self.configFile = configFile; self.hold = hold
    }
}
