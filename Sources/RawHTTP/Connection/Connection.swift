import Glibc

/// One accepted socket: reads feed the parser, complete requests go to the router in order,
/// responses are queued and sent with as few `send` calls as the socket allows (pipelined
/// requests answered from one read leave together).
///
/// Lives on its loop's queue only: created there, driven by the loop's epoll events and sweeps.
final class Connection {
    enum State {
        case open
        /// An async handler is running; reading is paused so responses stay in order.
        case handling
        /// The final response is out and the write side is shut; input is discarded until FIN.
        case lingering
        case closed
    }

    let id: UInt64
    let fd: Int32
    /// What epoll hands back for this connection: the descriptor and the id's low bits.
    let token: UInt64
    let peer: PeerAddress
    unowned let loop: EventLoop
    /// False for an over-cap connection that only receives a 503.
    let countsTowardCap: Bool
    /// Set when it is evicted to make room: its slot under the cap passes to the newcomer.
    var handsOverSlot = false

    var parser: HTTPRequestParser
    var timer: ConnectionTimer
    var state = State.open
    var output: [UInt8] = []
    var outputSent = 0
    /// Close (after lingering) once `output` is sent.
    var closeAfterOutput = false
    /// The socket refused part of `output`; waiting for it to become writable.
    var isWaitingToWrite = false
    /// The epoll interest currently registered.
    var interest = Epoll.Event.input
    private var lingerDiscarded = 0
    private var cachedRemoteAddress: String?

    /// Stop parsing further pipelined requests while this much output waits to be sent.
    static let outputHighWater = 256 * 1024
    /// A closing client may send this much more before we stop being polite and close.
    static let maxLingerBytes = 256 * 1024

    init(id: UInt64, fd: Int32, peer: PeerAddress, loop: EventLoop, now: UInt64, countsTowardCap: Bool) {
        self.id = id
        self.fd = fd
        self.token = UInt64(UInt32(bitPattern: fd)) | (id << 32)
        self.peer = peer
        self.loop = loop
        self.countsTowardCap = countsTowardCap
        parser = HTTPRequestParser(limits: loop.context.parserLimits)
        timer = ConnectionTimer(connectedAt: now)
    }

    /// Over the cap: send the prepared 503 and close.
    func reject(with response: [UInt8]) {
        output = response
        closeAfterOutput = true
        flush()
    }

    var remoteAddress: String {
        if let cached = cachedRemoteAddress { return cached }
        let text = peer.text
        cachedRemoteAddress = text
        return text
    }

    // MARK: - Events

    func handle(events: UInt32) {
        switch state {
        case .closed:
            return
        case .handling:
            // Reading is paused; only an error or hang-up is reported, and nobody is left to answer.
            if events & (Epoll.Event.error | Epoll.Event.hangUp) != 0 { close() }
            return
        case .lingering:
            discardLingeringInput()
        case .open:
            if isWaitingToWrite {
                writable()
            } else {
                readable()
            }
        }
    }

    private func readable() {
        let count = read(fd, loop.readBuffer.baseAddress, loop.readBuffer.count)
        if count > 0 {
            parser.append(UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<count]))
            processRequests()
            if state == .open && !isWaitingToWrite {
                timer.received(at: monotonicNanoseconds(), progress: parser.progress)
            }
        } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
            // The peer is gone (or half-closed mid-request, which can never complete).
            close()
        }
    }

    private func discardLingeringInput() {
        let count = read(fd, loop.readBuffer.baseAddress, loop.readBuffer.count)
        if count > 0 {
            lingerDiscarded += count
            if lingerDiscarded > Self.maxLingerBytes { close() }
        } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
            close()
        }
    }

    // MARK: - Timeouts and stopping

    func checkTimeout(at now: UInt64) {
        switch timer.verdict(at: now, timeouts: loop.context.timeouts) {
        case .keep:
            return
        case .close:
            close()
        case .requestTimeout:
            guard state == .open, !isWaitingToWrite else { close(); return }
            let response = HTTPResponse.error(
                status: 408, code: "request_timeout", message: "the request was not completed in time")
            queue(response, isHead: false, keepAlive: false, version: .http11)
            flush()
        }
    }

    /// Graceful stop: an idle connection closes now; a busy one after its current response. Bytes
    /// the kernel holds but the loop has not read yet are a request in flight, not idleness.
    func drain() {
        if state == .open && timer.isIdle && output.isEmpty && parser.progress == .awaitingRequest
            && !hasUnreadInput {
            close()
        }
    }

    private var hasUnreadInput: Bool {
        var pending: Int32 = 0
        return ioctl(fd, UInt(FIONREAD), &pending) == 0 && pending > 0
    }

    func close() {
        guard state != .closed else { return }
        state = .closed
        loop.remove(self)
        Glibc.close(fd)
    }

    /// Registers the epoll interest the current state needs, when it changed.
    func updateInterest() {
        let wanted: UInt32
        switch state {
        case .closed: return
        case .handling: wanted = 0
        case .lingering: wanted = Epoll.Event.input
        case .open: wanted = isWaitingToWrite ? Epoll.Event.output : Epoll.Event.input
        }
        guard wanted != interest else { return }
        interest = wanted
        loop.setInterest(wanted, for: self)
    }
}
