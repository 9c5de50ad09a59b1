import Synchronization

/// The rendered `/status` and `/metrics` bodies, read by HTTP handlers without awaiting the
/// healer actor. The healer bumps `generation` on every change a snapshot could show; a body is
/// good for one generation within one second (every time field has one-second resolution).
///
/// A request that finds no good body starts one render, and requests arriving meanwhile await
/// that same render instead of queueing on the actor: the actor is visited once per render, only
/// to copy out a `StatusSource`; building and encoding run on the render's task.
///
/// When only the clock moved on (the same generation, the next second), the body of the second
/// before is served at once while the new one renders in the background: time fields at most a
/// second old, where waiting would put a render of thousands of jobs into every connection's
/// latency once a second. A change of the state is never served stale: after a change, every
/// request waits for a body that shows it.
final class StatusBoard: Sendable {
    struct Key: Hashable, Sendable {
        var generation: Int
        var second: Int
    }

    private struct RenderKey: Hashable {
        var key: Key
        var format: RenderedStatusCache.Format
    }

    private struct Shared {
        var generation = 0
        var key = Key(generation: -1, second: 0)
        var bodies: [RenderedStatusCache.Format: [UInt8]] = [:]
        var rendering: [RenderKey: Task<[UInt8], Never>] = [:]

        /// Keeps a finished render unless something newer is already in place.
        mutating func store(_ body: [UInt8], for renderKey: RenderKey) {
            rendering[renderKey] = nil
            // The source was copied after the key was taken, so the body is at least as new
            // as the key says; a newer generation or second already in place wins.
            let key = renderKey.key
            guard key.generation == generation, key.second >= self.key.second || self.key.generation != key.generation else { return }
            if self.key != key { self.key = key; bodies = [:] }
            if !body.isEmpty { bodies[renderKey.format] = body }
        }
    }

    private let shared = Mutex(Shared())

    /// Something a snapshot shows changed: bodies rendered before are stale.
    func invalidate() {
        shared.withLock { $0.generation &+= 1 }
    }

    /// The body for `format` at `second`, rendered from `source()` when none is good.
    func body(_ format: RenderedStatusCache.Format, second: Int,
              source: @escaping @Sendable () async -> StatusSource) async -> [UInt8] {
        enum Step { case ready([UInt8]), wait(Task<[UInt8], Never>) }
        let step = shared.withLock { s -> Step in
            let key = Key(generation: s.generation, second: second)
            if s.key == key, let body = s.bodies[format] { return .ready(body) }
            let renderKey = RenderKey(key: key, format: format)
            let task: Task<[UInt8], Never>
            if let running = s.rendering[renderKey] {
                task = running
            } else {
                task = Task { [weak self] in
                    let body = await source().render(format)
                    self?.shared.withLock { $0.store(body, for: renderKey) }
                    return body
                }
                s.rendering[renderKey] = task
            }
            if s.key.generation == key.generation, s.key.second == second - 1, let previous = s.bodies[format] {
                return .ready(previous)
            }
            return .wait(task)
        }
        switch step {
        case .ready(let body): return body
        case .wait(let task): return await task.value
        }
    }
}
