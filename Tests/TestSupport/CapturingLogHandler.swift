import Logging
import Synchronization

/// A swift-log handler that keeps every event, to assert on what was logged (message and metadata).
public struct CapturingLogHandler: LogHandler {
    public final class Store: Sendable {
        private let entries = Mutex<[(level: Logger.Level, message: String, metadata: Logger.Metadata)]>([])

        func append(_ level: Logger.Level, _ message: String, _ metadata: Logger.Metadata) {
            entries.withLock { $0.append((level, message, metadata)) }
        }

        public var all: [(level: Logger.Level, message: String)] {
            entries.withLock { $0.map { ($0.level, $0.message) } }
        }

        /// Every event as one line, `message key=value …`, as a log reader would see it.
        public var text: String {
            entries.withLock { events in
                events.map { event in
                    ([event.message] + event.metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
                        .joined(separator: " ")
                }.joined(separator: "\n")
            }
        }
    }

    let store: Store
    public var logLevel: Logger.Level = .trace
    public var metadata: Logger.Metadata = [:]

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        store.append(event.level, event.message.description, metadata.merging(event.metadata ?? [:]) { $1 })
    }

    public static func logger(label: String = "test") -> (Logger, Store) {
        let store = Store()
        return (Logger(label: label) { _ in CapturingLogHandler(store: store) }, store)
    }
}
