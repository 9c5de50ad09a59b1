#if canImport(Glibc)
import Glibc
#endif
import Logging

/// A swift-log handler that writes one line per event to stderr, shaped for where stderr goes:
///
/// - `.journal` (stderr is journald's stream): `<6>[label] message key=value`, the sd-daemon(3)
///   priority prefix telling journald the level; journald adds time, unit and PID.
/// - `.plain` (a terminal, a file, a pipe): `2026-11-24T20:00:00.123Z info [label] message key=value`.
///
/// `SystemdLogHandler.bootstrap(level:environment:)` picks the format and installs the handler.
public struct SystemdLogHandler: LogHandler {
    public enum Format: Sendable, Equatable {
        case journal
        case plain
    }

    public let label: String
    public let format: Format
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let writer: LogLineWriter
    private let wallClock: @Sendable () -> timespec

    public init(
        label: String,
        format: Format,
        logLevel: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil,
        writer: LogLineWriter = .standardError,
        wallClock: @escaping @Sendable () -> timespec = WallClock.now
    ) {
        self.label = label
        self.format = format
        self.logLevel = logLevel
        self.metadataProvider = metadataProvider
        self.writer = writer
        self.wallClock = wallClock
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        writer.write(line(for: event)) { dropped in
            self.line(
                level: .warning,
                message: "\(dropped) log line(s) dropped: stderr accepted no output",
                metadata: [:]
            )
        }
    }

    /// The line `event` is written as.
    func line(for event: LogEvent) -> String {
        var merged = metadata
        if let provided = metadataProvider?.get() {
            merged.merge(provided) { _, new in new }
        }
        if let own = event.metadata {
            merged.merge(own) { _, new in new }
        }
        if let error = event.error, merged["error"] == nil {
            merged["error"] = "\(error)"
        }
        return line(level: event.level, message: event.message.description, metadata: merged)
    }

    private func line(level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        switch format {
        case .journal:
            return LogLineFormatter.journalLine(level: level, label: label, message: message, metadata: metadata)
        case .plain:
            return LogLineFormatter.plainLine(
                time: wallClock(), level: level, label: label, message: message, metadata: metadata
            )
        }
    }
}
