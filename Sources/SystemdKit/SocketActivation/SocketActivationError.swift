/// Why the sockets systemd passed (`LISTEN_FDS`) cannot be served on.
public enum SocketActivationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `LISTEN_PID` / `LISTEN_FDS` are set but malformed, or a passed descriptor is not open.
    case invalidEnvironment(errno: Int32)
    /// A passed descriptor is not a listening stream socket (for example `ListenDatagram=` or a
    /// FIFO in the socket unit); the healer only speaks HTTP over stream sockets.
    case notAListeningStreamSocket(fileDescriptor: Int32)
    /// Inspecting a passed descriptor failed.
    case inspectionFailed(fileDescriptor: Int32, errno: Int32)

    public var description: String {
        switch self {
        case .invalidEnvironment(let errno):
            return "socket activation: LISTEN_PID/LISTEN_FDS are unusable (errno \(errno))"
        case .notAListeningStreamSocket(let fd):
            return "socket activation: descriptor \(fd) is not a listening stream socket; use ListenStream= in the .socket unit"
        case .inspectionFailed(let fd, let errno):
            return "socket activation: cannot inspect descriptor \(fd) (errno \(errno))"
        }
    }
}
