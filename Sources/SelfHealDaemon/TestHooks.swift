/// Switches that exist only so tests can put the daemon into states that are hard to reach for
/// real. Read from the environment once at start; documented as unsupported for users.
struct TestHooks: Sendable {
    /// `OPENCLAW_SELF_HEAL_TEST_WEDGE_AFTER_TICKS=N`: after N ticks the monitor loop blocks for
    /// good, as a deadlock would, so the watchdog test can see the pings stop.
    var wedgeAfterTicks: Int?

    init(environment: [String: String]) {
        wedgeAfterTicks = environment["OPENCLAW_SELF_HEAL_TEST_WEDGE_AFTER_TICKS"].flatMap(Int.init)
    }
}
