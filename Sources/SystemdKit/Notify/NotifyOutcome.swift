/// What became of one notification sent to the service manager.
public enum NotifyOutcome: Sendable, Equatable {
    /// The datagram reached `NOTIFY_SOCKET`.
    case sent
    /// `NOTIFY_SOCKET` is not set (not started by systemd as `Type=notify`): nothing was sent.
    case notSupervised
    /// `NOTIFY_SOCKET` is set but sending failed; `errno` says why (for example `ECONNREFUSED`
    /// when the socket is gone, `EINVAL` for an unusable socket address).
    case failed(errno: Int32)
}
