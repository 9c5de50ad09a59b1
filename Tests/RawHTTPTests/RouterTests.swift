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
