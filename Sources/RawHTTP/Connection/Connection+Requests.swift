/// Turning parsed requests into queued responses, strictly in arrival order.
extension Connection {
    /// Handles every complete request buffered, then sends what was queued.
    func processRequests() {
        while true {
            let stoppedForOutput = handleBufferedRequests()
            flush()
            // Go round again only if parsing stopped because too much output was waiting and
            // the socket took it all; otherwise the parser needs bytes or a handler is busy.
            guard stoppedForOutput, output.isEmpty, state == .open, !closeAfterOutput else { return }
        }
    }

    /// Returns true when it stopped because output passed the high-water mark.
    private func handleBufferedRequests() -> Bool {
        while state == .open && !closeAfterOutput {
            if output.count - outputSent >= Self.outputHighWater { return true }
            switch parser.next() {
            case .needMoreData:
                return false
            case .continueExpected:
                output.append(contentsOf: ResponseEncoder.continueResponse)
            case .failure(let error):
                queue(error.response, isHead: false, keepAlive: false, version: .http11)
            case .request(let parsed):
                handle(parsed)
            }
        }
        return false
    }

    private func handle(_ parsed: ParsedRequest) {
        let keepAlive = parsed.keepAlive && !loop.isDraining
        let isHead = parsed.method == "HEAD"
        let request = HTTPRequest(
            method: parsed.method, target: parsed.target, version: parsed.version, headers: parsed.headers,
            body: parsed.body, remoteAddress: remoteAddress, isLoopbackPeer: peer.isLoopback)
        if let allowList = loop.context.configuration.allowedHosts, !Self.hostIsAllowed(parsed, allowList) {
            let response = HTTPResponse.error(
                status: 421, code: "misdirected_request",
                message: "this server answers only loopback names and server.allowedHosts, not the Host this request names")
            queue(response, isHead: isHead, keepAlive: false, version: parsed.version)
            return
        }
        switch loop.context.router.resolve(method: request.method, path: request.path) {
        case .notFound:
            queue(Router.notFound(request), isHead: isHead, keepAlive: keepAlive, version: parsed.version)
        case .methodNotAllowed(let allow):
            queue(Router.methodNotAllowed(request, allow: allow), isHead: isHead, keepAlive: keepAlive, version: parsed.version)
        case .handler(.sync(let handler), _):
            queue(handler(request), isHead: isHead, keepAlive: keepAlive, version: parsed.version)
        case .handler(.async(let handler), _):
            startAsync(handler, request: request, isHead: isHead, keepAlive: keepAlive)
        }
    }

    /// Runs an async handler in a task. Reading pauses until it answers, so a pipelined request
    /// behind it cannot overtake it; the answer hops back onto this connection's queue.
    private func startAsync(
        _ handler: @escaping @Sendable (HTTPRequest) async -> HTTPResponse,
        request: HTTPRequest, isHead: Bool, keepAlive: Bool
    ) {
        state = .handling
        timer.startedHandling()
        updateInterest()
        let loop = self.loop
        let id = self.id
        let fd = self.fd
        let version = request.version
        Task {
            let response = await handler(request)
            loop.queue.async {
                loop.connection(id, fd: fd)?.finishAsync(response, isHead: isHead, keepAlive: keepAlive, version: version)
            }
        }
    }

    private func finishAsync(_ response: HTTPResponse, isHead: Bool, keepAlive: Bool, version: HTTPVersion) {
        guard state == .handling else { return }
        state = .open
        queue(response, isHead: isHead, keepAlive: keepAlive && !loop.isDraining, version: version)
        updateInterest()
        processRequests()
    }

    /// Encodes a response onto the output; decides whether the connection closes after it.
    func queue(_ response: HTTPResponse, isHead: Bool, keepAlive: Bool, version: HTTPVersion) {
        let close = !keepAlive || ResponseEncoder.requestsClose(response)
        let framing = ResponseEncoder.Framing(isHead: isHead, close: close, announceKeepAlive: !close && version == .http10)
        ResponseEncoder.encode(response, framing: framing, date: loop.currentDate(), into: &output)
        if close { closeAfterOutput = true }
    }

    /// The authority of an absolute-form target wins over `Host` (RFC 9112 section 3.2.2).
    static func hostIsAllowed(_ parsed: ParsedRequest, _ allowList: HostAllowList) -> Bool {
        let named = HostField.authority(ofAbsoluteTarget: parsed.target) ?? parsed.headers["Host"] ?? ""
        guard let host = HostField.host(of: named) else { return false }
        return allowList.allows(host: host)
    }
}
