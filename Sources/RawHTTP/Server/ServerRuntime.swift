/// The parts of a running server: its context, its loops and the bound address.
final class ServerRuntime: Sendable {
    let context: ServerContext
    let loops: [EventLoop]
    let boundAddress: String
    let boundPort: Int

    init(router: Router, configuration: HTTPServerConfiguration, listenDescriptor: Int32) throws {
        let context = ServerContext(router: router, configuration: configuration, listenDescriptor: listenDescriptor)
        self.context = context
        loops = try (0..<configuration.eventLoopCount).map { try EventLoop(index: $0, context: context) }
        (boundAddress, boundPort) = ListeningSocket.localAddress(listenDescriptor)
    }

    func start() {
        context.listenHolders.store(loops.count, ordering: .releasing)
        for loop in loops {
            loop.queue.sync { loop.start() }
        }
    }
}
