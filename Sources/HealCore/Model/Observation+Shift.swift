import FoundationEssentials

extension Observation {
    /// The same observation with the gateway's own timestamps moved by `offset` seconds: from the
    /// wall clock they were written in to the healer's policy time (see `SteadyTime`), so a wall
    /// clock that jumped since the healer started does not age or rejuvenate them.
    public func shifted(by offset: TimeInterval) -> Observation {
        guard offset != 0 else { return self }
        var o = self
        o.gateway.startedAt = o.gateway.startedAt?.addingTimeInterval(offset)
        if case .value(var w) = o.whatsapp {
            w.lastDisconnectAt = w.lastDisconnectAt?.addingTimeInterval(offset)
            w.lastConnectedAt = w.lastConnectedAt?.addingTimeInterval(offset)
            w.lastStartAt = w.lastStartAt?.addingTimeInterval(offset)
            o.whatsapp = .value(w)
        }
        return o
    }
}
