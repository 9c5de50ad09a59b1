import Glibc
import Synchronization

/// What every event loop of one server shares: the routes, the limits and the counters.
final class ServerContext: Sendable {
    let router: Router
    let configuration: HTTPServerConfiguration
    let parserLimits: HTTPParserLimits
    let timeouts: ConnectionTimer.Timeouts
    /// Connections being served (the ones the cap counts).
    let openConnections = Atomic<Int>(0)
    /// Over-cap connections still receiving their 503.
    let rejectingConnections = Atomic<Int>(0)
    /// Loops still polling the listening socket; the last one to let go closes it.
    let listenHolders = Atomic<Int>(0)
    let listenDescriptor: Int32
    let listenClosed = Atomic<Bool>(false)

    init(router: Router, configuration: HTTPServerConfiguration, listenDescriptor: Int32) {
        self.router = router
        self.configuration = configuration
        self.parserLimits = configuration.parserLimits
        self.timeouts = configuration.timerTimeouts
        self.listenDescriptor = listenDescriptor
    }

    /// Reserves a slot under the cap, or answers false.
    func admit() -> Bool {
        let count = openConnections.add(1, ordering: .relaxed).newValue
        if count > configuration.maxConnections {
            openConnections.subtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    func listenerReleased() {
        if listenHolders.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 {
            close(listenDescriptor)
            listenClosed.store(true, ordering: .releasing)
        }
    }

    var descriptorsInUse: Int {
        openConnections.load(ordering: .relaxed) + rejectingConnections.load(ordering: .relaxed)
    }
}
