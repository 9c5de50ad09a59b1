import Foundation
import Testing
@testable import RawHTTP

private let curlPath = "/usr/bin/curl"

/// A real client against the server: curl, run with an argv array (never a shell).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: curlPath), "curl is not installed"))
struct HTTPServerCurlTests {
    static let curl = curlPath

    /// Runs curl and returns (exit status, stdout).
    static func run(_ arguments: [String], input: Data? = nil) async throws -> (Int32, String) {
        try await offPool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: curl)
            process.arguments = ["--silent", "--show-error", "--max-time", "5"] + arguments
            let output = Pipe()
            process.standardOutput = output
            let inputPipe = Pipe()
            process.standardInput = inputPipe
            try process.run()
            if let input { inputPipe.fileHandleForWriting.write(input) }
            try inputPipe.fileHandleForWriting.close()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
    }

    @Test func getsHealthAndReusesTheConnection() async throws {
        try await withServer { server in
            let url = "http://\(server.boundAddress)/health"
            let (status, output) = try await Self.run(["--include", url, url])
            #expect(status == 0)
            #expect(output.components(separatedBy: "HTTP/1.1 200 OK\r\n").count == 3)
            #expect(output.contains("Content-Length: 11\r\n"))
            #expect(output.hasSuffix("{\"ok\":true}"))
        }
    }

    @Test func headRequest() async throws {
        try await withServer { server in
            let (status, output) = try await Self.run(["--head", "http://\(server.boundAddress)/health"])
            #expect(status == 0)
            #expect(output.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(output.contains("Content-Length: 11\r\n"))
            #expect(!output.contains("{"))
        }
    }

    @Test func chunkedUploadThroughStandardInput() async throws {
        try await withServer { server in
            let body = Data(String(repeating: "0123456789", count: 3000).utf8)
            let (status, output) = try await Self.run(
                ["--header", "Transfer-Encoding: chunked", "--data-binary", "@-", "http://\(server.boundAddress)/echo"],
                input: body)
            #expect(status == 0)
            #expect(output.utf8.count == 30000)
        }
    }

    @Test func http10AndIPv6() async throws {
        try await withServer(listen: "[::1]:0") { server in
            let (status, output) = try await Self.run(
                ["--http1.0", "--globoff", "--include", "http://\(server.boundAddress)/whoami?x=1"])
            #expect(status == 0)
            #expect(output.contains("Connection: close\r\n"))
            #expect(output.hasSuffix("::1 true /whoami [(key: \"x\", value: \"1\")]"))
        }
    }

    @Test func errorsComeBackAsJSON() async throws {
        try await withServer { server in
            let (status, output) = try await Self.run(
                ["--write-out", " %{http_code}", "--request", "PUT", "http://\(server.boundAddress)/health"])
            #expect(status == 0)
            #expect(output.hasPrefix("{\"error\": \"method_not_allowed\""))
            #expect(output.hasSuffix(" 405"))
        }
    }
}
