import Glibc

/// Every bound and timeout of the server. The defaults are the project's; tests shorten them.
/// Timeouts are `Duration`s.
public struct HTTPServerConfiguration: Sendable {
    /// Longest request line (CRLF excluded); beyond it: 414.
    public var maxRequestLineBytes = 8 * 1024
    /// Largest header section; beyond it: 431.
    public var maxHeaderBytes = 16 * 1024
    /// Most header fields; beyond it: 431.
    public var maxHeaderCount = 100
    /// Largest request body (decoded, for chunked); beyond it: 413.
    public var maxBodyBytes = 64 * 1024
    /// Open connections served at once; one more gets 503 and is closed.
    public var maxConnections = 1024
    /// Time a client has to send a complete request head (from its first byte, or from
    /// connecting); then 408 and close.
    public var headerTimeout: Duration = .seconds(10)
    /// Time a keep-alive connection may stay idle before it is closed. Also bounds how long a
    /// body upload or a response write may stall without progress.
    public var idleTimeout: Duration = .seconds(15)
    /// Time a client has to send a request's whole body once its head is complete; then 408
    /// and close. Without it a client sending one byte now and then holds its slot for ever.
    public var bodyTimeout: Duration = .seconds(10)
    /// A response that waits on a slow reader must average at least this many bytes a second
    /// (judged once it has waited `bodyTimeout`); a slower reader is closed.
    public var minSendBytesPerSecond = 1024
    /// When set, every request must name an allowed host (see `HostAllowList`), else 421. Set it
    /// on a server bound to loopback, against DNS rebinding.
    public var allowedHosts: HostAllowList?
    /// Default bound for `stop()`: how long in-flight requests get to finish.
    public var drainTimeout: Duration = .seconds(5)
    /// After a closing response, how long the client's remaining input is read and discarded,
    /// so the kernel does not answer it with a reset that would destroy our response.
    public var lingerTimeout: Duration = .seconds(2)
    /// Serial queues connections are spread over (each connection stays on one).
    public var eventLoopCount = HTTPServerConfiguration.defaultEventLoopCount
    /// Listen backlog (the kernel caps it at net.core.somaxconn).
    public var listenBacklog = 1024

    public init() {}

    public static var defaultEventLoopCount: Int {
        max(1, min(4, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// Every problem in one error, so a misconfiguration is fixed in one go.
    func validate() throws {
        var problems: [String] = []
        let sizes = [
            ("maxRequestLineBytes", maxRequestLineBytes), ("maxHeaderBytes", maxHeaderBytes),
            ("maxHeaderCount", maxHeaderCount), ("maxConnections", maxConnections),
            ("eventLoopCount", eventLoopCount), ("listenBacklog", listenBacklog),
        ]
        for (name, value) in sizes where value < 1 { problems.append("\(name) must be at least 1 (is \(value))") }
        if minSendBytesPerSecond < 0 { problems.append("minSendBytesPerSecond must not be negative (is \(minSendBytesPerSecond))") }
        if maxBodyBytes < 0 { problems.append("maxBodyBytes must not be negative (is \(maxBodyBytes))") }
        let durations = [
            ("headerTimeout", headerTimeout), ("idleTimeout", idleTimeout), ("bodyTimeout", bodyTimeout),
            ("drainTimeout", drainTimeout), ("lingerTimeout", lingerTimeout),
        ]
        for (name, value) in durations where value <= .zero { problems.append("\(name) must be positive") }
        if !problems.isEmpty {
            throw HTTPServerError.usage("configuration", problems.joined(separator: "; "))
        }
    }

    var parserLimits: HTTPParserLimits {
        var limits = HTTPParserLimits()
        limits.maxRequestLineBytes = maxRequestLineBytes
        limits.maxHeaderBytes = maxHeaderBytes
        limits.maxHeaderCount = maxHeaderCount
        limits.maxBodyBytes = maxBodyBytes
        return limits
    }

    var timerTimeouts: ConnectionTimer.Timeouts {
        ConnectionTimer.Timeouts(
            header: headerTimeout.nanoseconds, idle: idleTimeout.nanoseconds, linger: lingerTimeout.nanoseconds,
            body: bodyTimeout.nanoseconds, minSendBytesPerSecond: UInt64(max(0, minSendBytesPerSecond)))
    }

    /// How often each loop checks its connections' deadlines: an eighth of the shortest timeout,
    /// between 5 ms and 1 s, so a timeout fires at most 12.5% late.
    var sweepIntervalNanoseconds: UInt64 {
        let shortest = min(headerTimeout.nanoseconds, idleTimeout.nanoseconds, lingerTimeout.nanoseconds, bodyTimeout.nanoseconds)
        return min(max(shortest / 8, 5_000_000), 1_000_000_000)
    }
}
