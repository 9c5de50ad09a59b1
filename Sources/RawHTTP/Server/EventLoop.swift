import CSocketShim
import Dispatch
import Glibc

/// One serial queue, one epoll instance, and the connections registered in it.
///
/// A dispatch read source watches the epoll descriptor; when it fires, the loop collects up to
/// `eventBatch` ready sockets with a non-blocking `epoll_wait` and serves them all in one go.
/// Dispatch therefore wakes once per batch, not once per socket, and an idle connection costs
/// only its `Connection` object and the kernel's epoll entry: no thread, no buffer, no source.
///
/// Confinement: every stored property is touched only on `queue`; that is what makes the
/// `@unchecked Sendable` sound.
final class EventLoop: @unchecked Sendable {
    let queue: DispatchQueue
    let context: ServerContext
    let epoll: Epoll

    /// One read buffer per loop, shared by its connections: bytes are copied out into the
    /// parser only while a request is incomplete.
    let readBuffer: UnsafeMutableRawBufferPointer
    private let events: EpollEventBuffer
    /// Indexed by descriptor.
    private var connections: [Connection?] = []
    private(set) var connectionCount = 0
    private var nextConnectionID: UInt64 = 0
    private var dateCache = HTTPDateCache()
    private var epollSource: DispatchSourceRead?
    private var sweepTimer: DispatchSourceTimer?
    private var isAccepting = false
    private var acceptPaused = false
    private(set) var isDraining = false
    private var started = false

    private static let readBufferSize = 64 * 1024
    private static let eventBatch = 256
    private static let acceptBatch = 32
    private static let pollRounds = 8
    /// Over-cap connections answered with a lingering 503 at once per loop; past this they are
    /// closed straight away, so a flood cannot pile up descriptors.
    private static let maxRejecting = 64
    /// The epoll token of the listening socket (connection tokens carry an id, never this).
    private static let listenToken = UInt64.max

    init(index: Int, context: ServerContext) throws {
        self.context = context
        epoll = try Epoll.create()
        queue = DispatchQueue(label: "RawHTTP.loop.\(index)")
        readBuffer = .allocate(byteCount: Self.readBufferSize, alignment: 16)
        events = EpollEventBuffer(capacity: Self.eventBatch)
    }

    deinit {
        // Once started, the epoll source's cancel handler closes the descriptor.
        if !started { Glibc.close(epoll.descriptor) }
        readBuffer.deallocate()
        events.deallocate()
    }

    // MARK: - Lifecycle (called on `queue`)

    // Dispatch handlers hold the loop strongly; `shutdown()` cancels them, which releases them.
    func start() {
        started = true
        let source = DispatchSource.makeReadSource(fileDescriptor: epoll.descriptor, queue: queue)
        source.setEventHandler { self.serveReadyEvents() }
        let epollDescriptor = epoll.descriptor
        source.setCancelHandler { Glibc.close(epollDescriptor) }
        epollSource = source
        source.resume()

        isAccepting = epoll.add(context.listenDescriptor, events: Epoll.Event.input, token: Self.listenToken)
        if !isAccepting { context.listenerReleased() }

        let timer = DispatchSource.makeTimerSource(queue: queue)
        let interval = DispatchTimeInterval.nanoseconds(Int(context.configuration.sweepIntervalNanoseconds))
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: interval)
        timer.setEventHandler { self.sweep() }
        sweepTimer = timer
        timer.resume()
    }

    /// Graceful stop, first half: stop accepting and close every idle connection at once; the
    /// busy ones close after their current response.
    func beginDrain() {
        isDraining = true
        stopAccepting()
        forEachConnection { $0.drain() }
    }

    func forceCloseAll() {
        stopAccepting()
        forEachConnection { $0.close() }
    }

    func shutdown() {
        forceCloseAll()
        sweepTimer?.cancel()
        sweepTimer = nil
        epollSource?.cancel()
        epollSource = nil
    }

    private func stopAccepting() {
        guard isAccepting else { return }
        isAccepting = false
        epoll.remove(context.listenDescriptor)
        context.listenerReleased()
    }

    // MARK: - Services for connections

    func currentDate() -> [UInt8] {
        dateCache.current()
    }

    func connection(_ id: UInt64, fd: Int32) -> Connection? {
        guard fd >= 0, Int(fd) < connections.count, let connection = connections[Int(fd)],
              connection.id == id else { return nil }
        return connection
    }

    /// Called by a connection as it closes its descriptor.
    func remove(_ connection: Connection) {
        epoll.remove(connection.fd)
        if Int(connection.fd) < connections.count, connections[Int(connection.fd)] === connection {
            connections[Int(connection.fd)] = nil
            connectionCount -= 1
        }
        if connection.countsTowardCap {
            // An evicted connection hands its slot straight to the newcomer: released and taken
            // again, another loop could take it in between and the newcomer would get a 503.
            if !connection.handsOverSlot { context.openConnections.subtract(1, ordering: .relaxed) }
        } else {
            context.rejectingConnections.subtract(1, ordering: .relaxed)
        }
    }

    /// Level-triggered interest for `connection`: `Epoll.Event.input`, `.output` or 0 (paused;
    /// errors and hang-ups are still reported).
    func setInterest(_ events: UInt32, for connection: Connection) {
        _ = epoll.modify(connection.fd, events: events, token: connection.token)
    }

    // MARK: - Events

    private func serveReadyEvents() {
        // Poll again while events keep coming: under load the next requests arrive while this
        // batch is served, and picking them up here saves a round trip through libdispatch's
        // manager thread. Bounded, so timers and task completions queued behind us get a turn.
        for _ in 0..<Self.pollRounds {
            let count = epoll.poll(into: events)
            if count == 0 { return }
            for index in 0..<count {
                let token = events.token(at: index)
                let flags = events.events(at: index)
                if token == Self.listenToken {
                    if isAccepting { acceptReady() }
                } else if let connection = connection(forToken: token) {
                    connection.handle(events: flags)
                }
            }
        }
    }

    /// Tokens pair the descriptor with the low bits of the connection id, so an event for a
    /// descriptor closed and reused within one batch is not delivered to the newcomer.
    private func connection(forToken token: UInt64) -> Connection? {
        let fd = Int(token & 0xFFFF_FFFF)
        guard fd < connections.count, let connection = connections[fd], connection.token == token else { return nil }
        return connection
    }

    // MARK: - Accepting

    private func acceptReady() {
        for _ in 0..<Self.acceptBatch {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    cshim_accept4(context.listenDescriptor, $0, &length, cshim_sock_nonblock() | cshim_sock_cloexec())
                }
            }
            if fd < 0 {
                switch errno {
                case EINTR, ECONNABORTED, EPROTO:
                    continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    pauseAccepting()
                    return
                default:
                    return  // EAGAIN: drained; anything else: the next readiness event retries
                }
            }
            SocketOptions.disableNagle(fd)
            admit(fd, peer: PeerAddress(storage))
        }
    }

    /// Out of descriptors: the listen socket stays readable, so stop polling it briefly instead
    /// of spinning; pending clients wait in the backlog.
    private func pauseAccepting() {
        guard isAccepting, !acceptPaused else { return }
        acceptPaused = true
        _ = epoll.modify(context.listenDescriptor, events: 0, token: Self.listenToken)
        queue.asyncAfter(deadline: .now() + .milliseconds(100)) {
            self.acceptPaused = false
            if self.isAccepting {
                _ = self.epoll.modify(self.context.listenDescriptor, events: Epoll.Event.input, token: Self.listenToken)
            }
        }
    }

    private func admit(_ fd: Int32, peer: PeerAddress) {
        let now = monotonicNanoseconds()
        nextConnectionID += 1
        if !isDraining && (context.admit() || evictLongestWaiting(now: now)) {
            register(Connection(id: nextConnectionID, fd: fd, peer: peer, loop: self, now: now, countsTowardCap: true))
            return
        }
        var output: [UInt8] = []
        let response = HTTPResponse.error(status: 503, code: "service_unavailable", message: "too many connections; retry later")
        ResponseEncoder.encode(response, framing: .init(close: true), date: dateCache.current(), into: &output)
        let rejecting = context.rejectingConnections.add(1, ordering: .relaxed).newValue
        guard rejecting <= Self.maxRejecting * context.configuration.eventLoopCount else {
            context.rejectingConnections.subtract(1, ordering: .relaxed)
            output.withUnsafeBytes { _ = send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            Glibc.close(fd)
            return
        }
        let connection = Connection(id: nextConnectionID, fd: fd, peer: peer, loop: self, now: now, countsTowardCap: false)
        register(connection)
        connection.reject(with: output)
    }

    /// At the cap, the connection of this loop that has kept the server waiting longest (an
    /// answered one lingering, then the oldest idle, slow or stalled one) makes room for a new
    /// client, so slow clients cannot lock fresh ones out however many they open. One younger
    /// than `minEvictionAge` is kept: it has had no chance yet to send its request. Returns
    /// whether one was dropped; its slot under the cap then belongs to the newcomer.
    private func evictLongestWaiting(now: UInt64) -> Bool {
        var oldest: Connection?
        var oldestStart = UInt64.max
        let youngest = now >= Self.minEvictionAge ? now - Self.minEvictionAge : 0
        forEachConnection { connection in
            guard connection.countsTowardCap, let start = connection.timer.clientWaitStart,
                  start <= youngest, start < oldestStart else { return }
            oldest = connection
            oldestStart = start
        }
        guard let oldest else { return false }
        oldest.handsOverSlot = true
        oldest.evict()
        evictions += 1
        return true
    }

    /// Nanoseconds a connection is safe from eviction after it started waiting on its client: a
    /// client sends its request within a round trip of connecting, and an attacker reconnecting
    /// fast must not make every connection too young to drop (then fresh clients get 503).
    static let minEvictionAge: UInt64 = 20_000_000
    /// Connections dropped to make room (tests and figures).
    private(set) var evictions = 0

    private func register(_ connection: Connection) {
        let index = Int(connection.fd)
        if index >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: index + 1 - connections.count))
        }
        connections[index] = connection
        connectionCount += 1
        guard epoll.add(connection.fd, events: Epoll.Event.input, token: connection.token) else {
            connection.close()
            return
        }
    }

    // MARK: - Timeouts

    private func sweep() {
        guard connectionCount > 0 else { return }
        let now = monotonicNanoseconds()
        forEachConnection { $0.checkTimeout(at: now) }
    }

    private func forEachConnection(_ body: (Connection) -> Void) {
        var index = 0
        while index < connections.count {
            if let connection = connections[index] { body(connection) }
            index += 1
        }
    }
}
