/// Which file a path or descriptor refers to, independent of its name: a rotated log keeps its
/// identity under its new name, and a fresh file under the old name gets a new one.
public struct LogFileIdentity: Sendable, Codable, Equatable, Hashable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device; self.inode = inode
    }
}
