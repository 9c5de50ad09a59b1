import HealCore
import Synchronization

/// The config in force, readable from any thread (the healer actor owns its own copy; this one
/// serves the HTTP fast paths and the monitor loop's timing).
public final class CurrentConfig: Sendable {
    private let storage: Mutex<HealConfig>
    public init(_ config: HealConfig) { storage = Mutex(config) }
    public var value: HealConfig { storage.withLock { $0 } }
    public func replace(with config: HealConfig) { storage.withLock { $0 = config } }
}
