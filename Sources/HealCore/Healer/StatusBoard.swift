import Synchronization

/// The rendered `/status` and `/metrics` bodies, read by HTTP handlers without awaiting the
/// healer actor. The healer bumps `generation` on every change a snapshot could show; a body is
/// good for one generation within one second (every time field has one-second resolution).
///
/// A request that finds no good body starts one render, and requests arriving meanwhile await
/// that same render instead of queueing on the actor: the actor is visited once per render, only
/// to copy out a `StatusSource`; building and encoding run on the caller's task.
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
    }

    private let shared = Mutex(Shared())

    /// Something a snapshot shows changed: bodies rendered before are stale.
    func invalidate() {
        shared.withLock { $0.generation &+= 1 }
    }

    /// The body for `format` at `second`, rendered from `source()` when none is good.
    func body(_ format: RenderedStatusCache.Format, second: Int,
              source: @escaping @Sendable () async -> StatusSource) async -> [UInt8] {
        enum Step { case ready([UInt8]), wait(Task<[UInt8], Never>, RenderKey) }
        let step = shared.withLock { s -> Step in
            let key = Key(generation: s.generation, second: second)
            if s.key == key, let body = s.bodies[format] { return .ready(body) }
            let renderKey = RenderKey(key: key, format: format)
            if let task = s.rendering[renderKey] { return .wait(task, renderKey) }
            let task = Task { await source().render(format) }
            s.rendering[renderKey] = task
            return .wait(task, renderKey)
        }
        switch step {
        case .ready(let body):
            return body
        case .wait(let task, let renderKey):
            let body = await task.value
            shared.withLock { s in
                s.rendering[renderKey] = nil
                // The source was copied after the key was taken, so the body is at least as new
                // as the key says; a newer generation or second already in place wins.
                let key = renderKey.key
                guard key.generation == s.generation, key.second >= s.key.second || s.key.generation != key.generation else { return }
                if s.key != key { s.key = key; s.bodies = [:] }
                if !body.isEmpty { s.bodies[format] = body }
            }
            return body
        }
    }
}
