/// Exact-path routing: a table of path -> method -> handler. The query string never takes part.
public struct Router: Sendable {
    private var routes: [String: [String: HTTPHandler]] = [:]

    public init() {}

    /// Registers `handler` for `method` on `path` (exact match; a later registration replaces).
    public mutating func add(_ method: String, _ path: String, _ handler: HTTPHandler) {
        routes[path, default: [:]][method] = handler
    }

    /// What the router decided for a method and a path.
    enum Resolution {
        /// `isHeadOfGet`: a HEAD answered by the GET handler, whose body must then be dropped.
        case handler(HTTPHandler, isHeadOfGet: Bool)
        case notFound
        case methodNotAllowed(allow: String)
    }

    func resolve(method: String, path: String) -> Resolution {
        guard let methods = routes[path] else { return .notFound }
        if let handler = methods[method] { return .handler(handler, isHeadOfGet: false) }
        if method == "HEAD", let handler = methods["GET"] { return .handler(handler, isHeadOfGet: true) }
        return .methodNotAllowed(allow: Self.allowHeader(for: methods))
    }

    /// HEAD is allowed wherever GET is, so `Allow` lists it too.
    private static func allowHeader(for methods: [String: HTTPHandler]) -> String {
        var names = Set(methods.keys)
        if names.contains("GET") { names.insert("HEAD") }
        return names.sorted().joined(separator: ", ")
    }
}
