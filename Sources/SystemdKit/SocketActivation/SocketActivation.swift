import CSystemd
#if canImport(Glibc)
import Glibc
#endif

/// The listening sockets systemd passes to a socket-activated service (`LISTEN_FDS`, starting at
/// descriptor 3).
public enum SocketActivation {
    /// The passed listening stream sockets, in order, or `[]` when the process was not socket
    /// activated (no `LISTEN_FDS`, or `LISTEN_PID` names another process).
    ///
    /// `LISTEN_PID`, `LISTEN_FDS` and `LISTEN_FDNAMES` are removed from the environment, so the
    /// commands the healer runs do not think the sockets are theirs; libsystemd also marks the
    /// descriptors close-on-exec, so those commands do not inherit them either. Call it once, at
    /// startup: a second call finds no environment and returns `[]`.
    public static func listeningDescriptors() throws(SocketActivationError) -> [Int32] {
        let count = sd_listen_fds(1)
        if count < 0 { throw .invalidEnvironment(errno: -count) }
        var descriptors: [Int32] = []
        for descriptor in SD_LISTEN_FDS_START ..< SD_LISTEN_FDS_START + count {
            let result = sd_is_socket(descriptor, AF_UNSPEC, Int32(SOCK_STREAM.rawValue), 1)
            if result < 0 { throw .inspectionFailed(fileDescriptor: descriptor, errno: -result) }
            if result == 0 { throw .notAListeningStreamSocket(fileDescriptor: descriptor) }
            descriptors.append(descriptor)
        }
        return descriptors
    }
}
