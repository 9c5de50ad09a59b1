import FoundationEssentials

extension Policy {
    /// Follows the gateway's boots (a new pid or start time) to stay out of OpenClaw's
    /// crash-loop breaker, which puts the gateway in safe mode after `gateway.breakerBoots`
    /// unclean boots within `gateway.breakerWindowSec`. The healer cannot tell a clean boot from an
    /// unclean one, so it counts every boot: the safe side. A restart of its own counts from the
    /// moment it is decided (`provisionalBoot`) and is matched with the boot it causes. Returns
    /// whether a new boot was seen this tick.
    @discardableResult
    static func trackBoots(_ s: inout HealState, _ g: GatewayObservation, now: Date, config: HealConfig) -> Bool {
        let window = TimeInterval(config.gateway.breakerWindowSec)
        var d = s.disruptive
        defer { s.disruptive = d }
        var newBoot = false
        let pidChanged = g.pid != nil && d.lastPid != nil && g.pid != d.lastPid
        let startChanged = g.startedAt != nil && d.lastStartedAt != nil && g.startedAt != d.lastStartedAt
        if pidChanged || startChanged {
            newBoot = true
            let bootAt = min(g.startedAt ?? now, now)
            if d.provisionalBoot != nil {
                d.provisionalBoot = nil   // our own restart's boot: already counted
            } else if now.timeIntervalSince(bootAt) < window {
                d.boots.append(bootAt)
            }
            // A new boot may be a new version: the channel RPCs are worth another try.
            d.ladder.channelLifecycleUnsupported = false
        } else if d.lastPid == nil, d.lastStartedAt == nil, let started = g.startedAt,
                  now.timeIntervalSince(started) < window, started <= now {
            d.boots.append(started)   // first sight of a gateway that booted moments ago
        }
        if let pid = g.pid { d.lastPid = pid }
        if let started = g.startedAt { d.lastStartedAt = started }
        d.boots.sort()
        d.boots.removeAll { now.timeIntervalSince($0) >= window || $0 > now.addingTimeInterval(1) }
        if let p = d.provisionalBoot, now.timeIntervalSince(p) >= window { d.provisionalBoot = nil }
        return newBoot
    }

    /// Why a gateway restart now would trip the breaker, if it would.
    static func breakerRefusal(_ s: HealState, now: Date, config: HealConfig) -> String? {
        let window = TimeInterval(config.gateway.breakerWindowSec)
        let recent = s.disruptive.boots.filter { now.timeIntervalSince($0) < window && $0 <= now.addingTimeInterval(1) }
        guard recent.count + 1 >= config.gateway.breakerBoots, let oldest = recent.first else { return nil }
        return "crash-loop breaker: \(recent.count) gateway boots in the last \(config.gateway.breakerWindowSec) s; "
            + "another would be boot \(recent.count + 1) of \(config.gateway.breakerBoots) and put the gateway in safe mode; "
            + "waiting until \(iso(oldest.addingTimeInterval(window)))"
    }
}
