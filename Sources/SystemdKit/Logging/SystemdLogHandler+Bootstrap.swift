#if canImport(Glibc)
import Glibc
#endif
import Logging

extension SystemdLogHandler {
    /// `.journal` when stderr is the journald stream named by `JOURNAL_STREAM` (device and inode
    /// compared, as sd-daemon(3) asks), else `.plain`.
    public static func detectFormat(
        environment: [String: String] = ProcessEnvironment.current(),
        fileDescriptor: Int32 = STDERR_FILENO
    ) -> Format {
        JournalStream.isConnected(fileDescriptor: fileDescriptor, environment: environment) ? .journal : .plain
    }

    /// The handler factory `bootstrap` installs: every logger gets `level` and the detected format,
    /// and all of them share one writer, so their lines never interleave.
    public static func factory(
        level: Logger.Level,
        environment: [String: String] = ProcessEnvironment.current(),
        writer: LogLineWriter = .standardError
    ) -> @Sendable (String, Logger.MetadataProvider?) -> any LogHandler {
        let format = detectFormat(environment: environment, fileDescriptor: writer.fileDescriptor)
        return { label, metadataProvider in
            SystemdLogHandler(
                label: label, format: format, logLevel: level, metadataProvider: metadataProvider, writer: writer
            )
        }
    }

    /// Installs the handler for the whole process. swift-log allows this once per process; call it
    /// first thing in `main`, with the level from `--log-level` (`Logger.Level(parsing:)`).
    public static func bootstrap(
        level: Logger.Level,
        environment: [String: String] = ProcessEnvironment.current()
    ) {
        LoggingSystem.bootstrap(factory(level: level, environment: environment), metadataProvider: nil)
    }
}
