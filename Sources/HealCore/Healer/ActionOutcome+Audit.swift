extension ActionOutcome {
    /// How the audit log and a pending verification name this outcome.
    public var audited: AuditOutcome {
        if unsupported { return .unsupported }
        if pending { return .underWay }
        return ok ? .executed : .failed
    }
}
