/// The outcome of one watchdog round: ping, or withhold the ping and say why.
public enum WatchdogVerdict: Sendable, Equatable, CustomStringConvertible {
    case healthy
    case withheld(WithholdReason)

    public enum WithholdReason: Sendable, Equatable {
        /// The health check answered `false`.
        case reportedUnhealthy
        /// The health check did not answer within the deadline (or an earlier check is still
        /// running: a wedged actor does not get a pile of new checks queued on it).
        case noAnswer(deadline: Duration)
    }

    public var description: String {
        switch self {
        case .healthy:
            return "health check passed"
        case .withheld(.reportedUnhealthy):
            return "health check reported unhealthy"
        case .withheld(.noAnswer(let deadline)):
            return "health check did not answer within \(deadline)"
        }
    }
}
