import Glibc
import NetAddress
import Testing
@testable import RawHTTP

/// The server over real loopback sockets: routing, keep-alive, pipelining, HEAD, addresses.
@Suite struct HTTPServerTests {
    @Test func servesAGetWithLengthDateAndJSON() async throws {
        try await withServer { server in
            #expect(server.boundAddress.hasPrefix("127.0.0.1:"))
            #expect(server.boundPort > 0)
            #expect(server.boundAddress == "127.0.0.1:\(server.boundPort)")
            let address = server.boundAddress
            let response = try await offPool {
                let client = try TestClient(address)
                try client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.status == 200)
            #expect(response.bodyText == "{\"ok\":true}")
            #expect(response.headers["Content-Length"] == "11")
            #expect(response.headers["Content-Type"] == "application/json")
            #expect(response.headers["Date"]?.hasSuffix(" GMT") == true)
            #expect(response.headers["Connection"] == nil)
        }
    }

    @Test func keepsTheConnectionAliveAcrossRequests() async throws {
        try await withServer { server in
            let address = server.boundAddress
            let statuses = try await offPool {
                let client = try TestClient(address)
                var statuses: [Int] = []
                for _ in 0..<3 {
                    try client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                    statuses.append(try client.readResponse().status)
                }
                return statuses
            }
            #expect(statuses == [200, 200, 200])
            #expect(server.activeConnections <= 1)
        }
    }

    @Test func answersPipelinedRequestsInOrderAcrossAnAsyncHandler() async throws {
        try await withServer { server in
            let address = server.boundAddress
            let bodies = try await offPool {
                let client = try TestClient(address)
                try client.send(
                    "GET /slow?ms=150 HTTP/1.1\r\nHost: x\r\n\r\n"
                        + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\nsecond"
                        + "GET /whoami?b=2&a=1 HTTP/1.1\r\nHost: x\r\n\r\n"
                        + "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n")
                return try (0..<4).map { _ in try client.readResponse().bodyText }
            }
            #expect(bodies[0] == "slow 150")
            #expect(bodies[1] == "second")
            #expect(bodies[2].hasSuffix("/whoami [(key: \"a\", value: \"1\"), (key: \"b\", value: \"2\")]"))
            #expect(bodies[3].contains("not_found"))
        }
    }

    @Test func honoursConnectionClose() async throws {
        try await withServer { server in
            let address = server.boundAddress
            let (response, closed) = try await offPool {
                let client = try TestClient(address)
                try client.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                return (try client.readResponse(), client.isClosedByServer())
            }
            #expect(response.status == 200)
            #expect(response.headers["Connection"] == "close")
            #expect(closed)
        }
    }

    @Test func closesWhenTheHandlerAsksTo() async throws {
        try await withServer { server in
            let address = server.boundAddress
            let (response, closed) = try await offPool {
                let client = try TestClient(address)
                try client.send("GET /close HTTP/1.1\r\nHost: x\r\n\r\n")
                return (try client.readResponse(), client.isClosedByServer())
            }
            #expect(response.bodyText == "bye")
            #expect(response.headers["Connection"] == "close")
            #expect(closed)
        }
    }

    @Test func http10ClosesUnlessItAsksForKeepAlive() async throws {
        try await withServer { server in
            let address = server.boundAddress
            let (plain, plainClosed) = try await offPool {
                let client = try TestClient(address)
                try client.send("GET /health HTTP/1.0\r\n\r\n")
                return (try client.readResponse(), client.isClosedByServer())
            }
            #expect(plain.status == 200)
            #expect(plain.headers["Connection"] == "close")
            #expect(plainClosed)
            let statuses = try await offPool {
                let client = try TestClient(address)
                var headers: [String?] = []
                for _ in 0..<2 {
                    try client.send("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                    headers.append(try client.readResponse().headers["Connection"])
                }
                return headers
            }
            #expect(statuses == ["keep-alive", "keep-alive"])
        }
    }

    @Test func headAnswersWithTheGetHeadersAndNoBody() async throws {
        try await withServer { server in
            let address = server.boundAddress
            let (get, head, after) = try await offPool {
                let client = try TestClient(address)
                try client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\nHEAD /health HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                return (try client.readResponse(), try client.readResponse(head: true), try client.readResponse())
            }
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["Content-Length"] == get.headers["Content-Length"])
            #expect(head.headers["Content-Type"] == get.headers["Content-Type"])
            // The response after HEAD parses cleanly, so no body bytes were sent for HEAD.
            #expect(after.bodyText == get.bodyText)
        }
    }

    @Test func answers404And405WithAllowAndJSON() async throws {
        try await withServer { server in
            let address = server.boundAddress
            let (missing, wrongMethod, afterwards) = try await offPool {
                let client = try TestClient(address)
                try client.send("GET /missing?x=1 HTTP/1.1\r\nHost: x\r\n\r\nDELETE /health HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /health?format=anything HTTP/1.1\r\nHost: x\r\n\r\n")
                return (try client.readResponse(), try client.readResponse(), try client.readResponse())
            }
            #expect(missing.status == 404)
            #expect(missing.headers["Content-Type"] == "application/json")
            #expect(missing.bodyText.hasPrefix("{\"error\": \"not_found\", \"message\": "))
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.headers["Allow"] == "GET, HEAD")
            #expect(wrongMethod.bodyText.hasPrefix("{\"error\": \"method_not_allowed\""))
            // 404 and 405 keep the connection; a query string does not change routing.
            #expect(afterwards.status == 200)
        }
    }

    @Test func reportsThePeerAndDecodedQuery() async throws {
        try await withServer { server in
            let address = server.boundAddress
            let body = try await offPool {
                let client = try TestClient(address)
                try client.send("GET /whoami?name=a%20b HTTP/1.1\r\nHost: x\r\n\r\n")
                return try client.readResponse().bodyText
            }
            #expect(body == "127.0.0.1 true /whoami [(key: \"name\", value: \"a b\")]")
        }
    }

    @Test func servesIPv6Loopback() async throws {
        try await withServer(listen: "[::1]:0") { server in
            #expect(server.boundAddress == "[::1]:\(server.boundPort)")
            let address = server.boundAddress
            let body = try await offPool {
                let client = try TestClient(address)
                try client.send("GET /whoami HTTP/1.1\r\nHost: x\r\n\r\n")
                return try client.readResponse().bodyText
            }
            #expect(body.hasPrefix("::1 true /whoami"))
        }
    }

    @Test func decodesAChunkedUploadAndAnswersExpectContinue() async throws {
        try await withServer { server in
            let address = server.boundAddress
            let (interim, echoed) = try await offPool {
                let client = try TestClient(address)
                try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n")
                let interim = try client.readResponse(head: true)
                try client.send("3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
                return (interim.status, try client.readResponse().bodyText)
            }
            #expect(interim == 100)
            #expect(echoed == "abcde")
        }
    }

    @Test func answersAClientThatHalfClosedAfterItsRequest() async throws {
        try await withServer { server in
            let address = server.boundAddress
            let (response, closed) = try await offPool {
                let client = try TestClient(address)
                try client.send("GET /slow?ms=50 HTTP/1.1\r\nHost: x\r\n\r\n")
                client.finishSending()
                return (try client.readResponse(), client.isClosedByServer())
            }
            #expect(response.bodyText == "slow 50")
            #expect(closed)
        }
    }

    @Test func adoptsAListeningDescriptor() async throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(bound == 0)
        try #require(listen(fd, 16) == 0)

        let server = HTTPServer(router: TestRoutes.router())
        try server.start(adoptingListeningDescriptor: fd)
        let boundAddress = server.boundAddress
        #expect(boundAddress.hasPrefix("127.0.0.1:"))
        let status = try await offPool {
            let client = try TestClient(boundAddress)
            try client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            return try client.readResponse().status
        }
        #expect(status == 200)
        #expect(fcntl(fd, F_GETFL) & O_NONBLOCK != 0)
        await server.stop(gracePeriod: .seconds(1))
        // The server owned the listening socket and closed it: nobody listens on that port now.
        // (The descriptor number itself may already be reused by a test running in parallel.)
        #expect(throws: TestClient.Failure.self) { try TestClient(boundAddress) }
    }

    @Test func refusesToAdoptASocketThatIsNotListening() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        let server = HTTPServer(router: Router())
        #expect(throws: HTTPServerError.self) { try server.start(adoptingListeningDescriptor: fd) }
        #expect(throws: HTTPServerError.self) { try server.start(adoptingListeningDescriptor: 987_654) }
    }

    @Test func reportsStartFailuresClearly() async throws {
        #expect(throws: ListenAddressError.self) { try HTTPServer(router: Router()).start(listen: "nohost") }
        try await withServer { server in
            do {
                try HTTPServer(router: Router()).start(listen: server.boundAddress)
                Issue.record("a second bind on the same port succeeded")
            } catch let error as HTTPServerError {
                #expect(error.errnoCode == EADDRINUSE)
                #expect(error.description.hasPrefix("bind(\(server.boundAddress)): "))
            }
            #expect(throws: HTTPServerError.self) { try server.start(listen: "127.0.0.1:0") }
        }
    }

    /// A zone is grammar the config accepts; whether the interface exists is the bind's to say,
    /// in words, and a zone that names a real interface reaches the kernel as its scope id.
    @Test func zonesAreResolvedAtTheBindWithAClearError() throws {
        do {
            try HTTPServer(router: Router()).start(listen: "[fe80::1%nosuch9]:0")
            Issue.record("a zone naming no interface was bound")
        } catch let error as HTTPServerError {
            #expect(error.description.contains("no network interface named 'nosuch9'"), "\(error)")
        }
        do {
            // `lo` exists but carries no fe80::1, so the kernel refuses the address itself.
            try HTTPServer(router: Router()).start(listen: "[fe80::1%lo]:0")
            Issue.record("fe80::1 was bound on lo")
        } catch let error as HTTPServerError {
            #expect(error.description.hasPrefix("bind([fe80::1%lo]:0): "), "\(error)")
            #expect(error.errnoCode == EADDRNOTAVAIL || error.errnoCode == EINVAL, "\(error)")
        }
    }

    @Test func listensOnLocalhostByName() async throws {
        try await withServer(listen: "localhost:0") { server in
            #expect(ListenAddress.isLoopback(host: String(server.boundAddress.dropLast(":\(server.boundPort)".count))))
        }
    }
}
