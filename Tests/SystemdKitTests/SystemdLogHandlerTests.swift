import Glibc
import Logging
import Testing
@testable import SystemdKit

@Suite struct SystemdLogHandlerTests {
    let fixedTime: @Sendable () -> timespec = { timespec(tv_sec: 1_795_550_400, tv_nsec: 123_000_000) }

    private func logger(
        _ format: SystemdLogHandler.Format, _ pipe: TestPipe, level: Logger.Level = .info,
        provider: Logger.MetadataProvider? = nil
    ) -> Logger {
        let writer = LogLineWriter(fileDescriptor: pipe.writeEnd)
        return Logger(label: "openclaw-self-heal.test") { label in
            SystemdLogHandler(
                label: label, format: format, logLevel: level, metadataProvider: provider, writer: writer,
                wallClock: fixedTime
            )
        }
    }

    @Test func journalFormatCarriesThePriorityPrefix() {
        let pipe = TestPipe()
        let log = logger(.journal, pipe, level: .debug)
        log.debug("tick started")
        log.info("tick done", metadata: ["durationMs": "12"])
        log.notice("config reloaded")
        log.warning("gateway slow")
        log.error("restart failed", metadata: ["exitCode": "1"])
        log.critical("state file unwritable")
        #expect(pipe.readAvailable() == """
            <7>[openclaw-self-heal.test] tick started
            <6>[openclaw-self-heal.test] tick done durationMs=12
            <5>[openclaw-self-heal.test] config reloaded
            <4>[openclaw-self-heal.test] gateway slow
            <3>[openclaw-self-heal.test] restart failed exitCode=1
            <2>[openclaw-self-heal.test] state file unwritable

            """)
    }

    @Test func plainFormatIsTimestamped() {
        let pipe = TestPipe()
        logger(.plain, pipe).warning("model cooling", metadata: ["model": "anthropic/claude-opus-4-6"])
        #expect(pipe.readAvailable() == "2026-11-24T20:00:00.123Z warning [openclaw-self-heal.test] model cooling model=anthropic/claude-opus-4-6\n")
    }

    @Test func levelsBelowTheConfiguredOneAreNotWritten() {
        let pipe = TestPipe()
        let log = logger(.journal, pipe, level: .notice)
        log.info("hidden")
        log.debug("hidden")
        log.notice("shown")
        #expect(pipe.readAvailable() == "<5>[openclaw-self-heal.test] shown\n")
    }

    @Test func metadataMergesHandlerThenProviderThenCall() {
        let pipe = TestPipe()
        let provider = Logger.MetadataProvider { ["requestId": "r-7", "source": "provider"] }
        var log = logger(.journal, pipe, provider: provider)
        log[metadataKey: "source"] = "handler"
        log[metadataKey: "component"] = "http"
        log.info("served", metadata: ["status": "200", "requestId": "r-8"])
        #expect(pipe.readAvailable() == "<6>[openclaw-self-heal.test] served component=http requestId=r-8 source=provider status=200\n")
    }

    @Test func handlerMetadataIsAValuePerLogger() {
        let pipe = TestPipe()
        var first = logger(.journal, pipe)
        var second = first
        first[metadataKey: "who"] = "first"
        second[metadataKey: "who"] = "second"
        first.info("a")
        second.info("b")
        #expect(pipe.readAvailable() == "<6>[openclaw-self-heal.test] a who=first\n<6>[openclaw-self-heal.test] b who=second\n")
    }

    @Test func factoryPicksJournalFormatWhenTheWriterIsTheJournalStream() throws {
        var pair: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0)
        defer { close(pair[0]); close(pair[1]) }
        var status = stat()
        try #require(fstat(pair[0], &status) == 0)
        let writer = LogLineWriter(fileDescriptor: pair[0])

        let journal = SystemdLogHandler.factory(
            level: .info, environment: ["JOURNAL_STREAM": "\(status.st_dev):\(status.st_ino)"], writer: writer
        )("x", nil)
        #expect((journal as? SystemdLogHandler)?.format == .journal)
        #expect(journal.logLevel == .info)

        let plain = SystemdLogHandler.factory(level: .debug, environment: [:], writer: writer)("x", nil)
        #expect((plain as? SystemdLogHandler)?.format == .plain)
        #expect(plain.logLevel == .debug)
    }
}
