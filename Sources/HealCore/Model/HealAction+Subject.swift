extension HealAction {
    /// The job or plugin an action concerns, when it concerns one.
    public var subjectId: String? {
        switch self {
        case .disableCron(let id, _): return id
        case .disablePlugin(let id): return id
        default: return nil
        }
    }
}
