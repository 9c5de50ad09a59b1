import Testing
@testable import RawHTTP

@Suite struct RouterTests {
    static func router() -> Router {
        var router = Router()
        router.add("GET", "/status", .sync { _ in .text("status") })
        router.add("POST", "/reload", .sync { _ in .text("reload") })
        router.add("GET", "/events", .sync { _ in .text("events") })
        router.add("POST", "/events", .async { _ in .text("posted") })
        return router
    }

    @Test func findsAnExactRoute() {
        guard case .handler(.sync, let isHeadOfGet) = Self.router().resolve(method: "GET", path: "/status") else {
            Issue.record("no handler")
            return
        }
        #expect(!isHeadOfGet)
    }

    @Test func answersHeadWithTheGetRoute() {
        guard case .handler(_, let isHeadOfGet) = Self.router().resolve(method: "HEAD", path: "/status") else {
            Issue.record("no handler")
            return
        }
        #expect(isHeadOfGet)
    }

    @Test func unknownPathIsNotFound() {
        guard case .notFound = Self.router().resolve(method: "GET", path: "/nope") else {
            Issue.record("expected notFound")
            return
        }
        guard case .notFound = Self.router().resolve(method: "GET", path: "/status/") else {
            Issue.record("a trailing slash is another path")
            return
        }
    }

    @Test func otherMethodListsWhatIsAllowed() {
        guard case .methodNotAllowed(let allow) = Self.router().resolve(method: "DELETE", path: "/events") else {
            Issue.record("expected methodNotAllowed")
            return
        }
        #expect(allow == "GET, HEAD, POST")
        guard case .methodNotAllowed(let postOnly) = Self.router().resolve(method: "HEAD", path: "/reload") else {
            Issue.record("HEAD without GET is not allowed")
            return
        }
        #expect(postOnly == "POST")
    }
}

/// The router as a responder, in process: what a client on a socket would get, without one.
@Suite struct RouterRespondTests {
    static func router() -> Router {
        var router = Router()
        router.add("GET", "/status", .sync { _ in .json(string: #"{"ok":true}"#) })
        router.add("POST", "/reload", .async { request in .text("reloaded \(request.body.count)") })
        return router
    }

    @Test func handlersAnswerSyncAndAsync() async {
        let get = await Self.router().respond(to: HTTPRequest(target: "/status?x=1"))
        #expect(get.status == 200)
        #expect(String(decoding: get.body, as: UTF8.self) == #"{"ok":true}"#)
        let post = await Self.router().respond(to: HTTPRequest(method: "POST", target: "/reload", body: [1, 2]))
        #expect(String(decoding: post.body, as: UTF8.self) == "reloaded 2")
    }

    @Test func headKeepsTheFieldsAndDropsTheBody() async {
        let head = await Self.router().respond(to: HTTPRequest(method: "HEAD", target: "/status"))
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["Content-Type"] == "application/json")
    }

    @Test func notFoundAndMethodNotAllowedAreTheRoutersOwn() async {
        let missing = await Self.router().respond(to: HTTPRequest(target: "/nope"))
        #expect(missing.status == 404)
        #expect(String(decoding: missing.body, as: UTF8.self).contains("no route for /nope"))
        let wrong = await Self.router().respond(to: HTTPRequest(method: "PUT", target: "/status"))
        #expect(wrong.status == 405)
        #expect(wrong.headers["Allow"] == "GET, HEAD")
        let headOnPost = await Self.router().respond(to: HTTPRequest(method: "HEAD", target: "/reload"))
        #expect(headOnPost.status == 405)
        #expect(headOnPost.headers["Allow"] == "POST")
    }
}
