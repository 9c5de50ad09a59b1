import Testing
@testable import RawHTTP

@Suite struct HTTPServerConfigurationTests {
    @Test func defaultsAreTheProjectBounds() {
        let configuration = HTTPServerConfiguration()
        #expect(configuration.maxRequestLineBytes == 8192)
        #expect(configuration.maxHeaderBytes == 16384)
        #expect(configuration.maxHeaderCount == 100)
        #expect(configuration.maxBodyBytes == 65536)
        #expect(configuration.maxConnections == 1024)
        #expect(configuration.headerTimeout == .seconds(10))
        #expect(configuration.idleTimeout == .seconds(15))
        #expect(configuration.eventLoopCount >= 1)
        #expect(configuration.sweepIntervalNanoseconds == 250_000_000)
    }

    @Test func reportsEveryInvalidValue() {
        var configuration = HTTPServerConfiguration()
        configuration.maxConnections = 0
        configuration.idleTimeout = .zero
        do {
            try configuration.validate()
            Issue.record("accepted")
        } catch let error as HTTPServerError {
            #expect(error.description.contains("maxConnections must be at least 1"))
            #expect(error.description.contains("idleTimeout must be positive"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func sweepIntervalFollowsShortTimeouts() {
        var configuration = HTTPServerConfiguration()
        configuration.headerTimeout = .milliseconds(200)
        #expect(configuration.sweepIntervalNanoseconds == 25_000_000)
        configuration.lingerTimeout = .milliseconds(1)
        #expect(configuration.sweepIntervalNanoseconds == 5_000_000)
    }
}
