import NetAddress
import Testing
@testable import HealCore

@Suite struct ConfigListenAddressTests {
    /// The grammar itself is NetAddress's (Tests/NetAddressTests); here, that the config uses it.
    @Test(arguments: ["127.0.0.1:9477", "[::1]:0", "[fe80::1%eth0]:9477", "localhost:65535"])
    func theConfigAcceptsWhatTheBindParses(text: String) throws {
        #expect(try loadConfig("{ server: { listen: '\(text)' } }").listenAddress == ListenAddress.parse(text).get())
    }

    @Test func portErrorsSayWhatIsWrong() {
        #expect(configErrors("{ server: { listen: '[::1]:99999' } }").map(\.description) == [
            "server.listen: must be host:port (e.g. 127.0.0.1:9477 or [::1]:9477): the port 99999 is not a number from 0 to 65535, got \"[::1]:99999\"",
        ])
    }

    @Test func listenErrorsInTheConfigNameTheFormAndTheValue() {
        #expect(configErrors("{ server: { listen: '::1:9477' } }").map(\.description) == [
            "server.listen: must be host:port (e.g. 127.0.0.1:9477 or [::1]:9477): an IPv6 address needs brackets, e.g. [::1]:9477, got \"::1:9477\"",
        ])
    }

    @Test(arguments: [
        "http://127.0.0.1:18789", "http://127.0.0.1:18789/", "http://localhost:19001", "http://[::1]:18789",
    ])
    func gatewayURLsThatAreAccepted(url: String) throws {
        #expect(try loadConfig("{ openclaw: { gatewayUrl: '\(url)' } }").openclaw.gatewayUrl == url)
    }

    @Test(arguments: [
        ("https://127.0.0.1:18789", "the scheme must be http"),
        ("http://127.0.0.1", "the port is missing"),
        ("http://:18789", "the host is missing"),
        ("http://127.0.0.1:18789/api", "a path is not allowed (the healer adds /healthz)"),
        ("http://u:p@127.0.0.1:18789", "credentials do not belong in the URL"),
        ("http://127.0.0.1:18789?x=1", "a query or fragment is not allowed"),
        ("http://127.0.0.1:0", "the port must be 1 to 65535"),
        ("127.0.0.1:18789", "not a URL (it must start with http://)"),
    ])
    func gatewayURLsThatAreRefused(url: String, problem: String) {
        #expect(configErrors("{ openclaw: { gatewayUrl: '\(url)' } }").map(\.description) == [
            "openclaw.gatewayUrl: must be an http:// URL with a host and a port (e.g. http://127.0.0.1:18789): \(problem), got \"\(url)\"",
        ])
    }

    @Test(arguments: ["", "elvatis/openclaw-self-healing-homeofe", "a_b/c.d", "A-1/B_2"])
    func issueReposThatAreAccepted(repo: String) throws {
        #expect(try loadConfig("{ autoFix: { issueRepo: '\(repo)' } }").autoFix.issueRepo == repo)
    }

    @Test(arguments: ["owner", "owner/", "/repo", "a/b/c", "own er/repo", "owner/repo!"])
    func issueReposThatAreRefused(repo: String) {
        #expect(configErrors("{ autoFix: { issueRepo: '\(repo)' } }").map(\.description) == [
            "autoFix.issueRepo: must be empty or \"owner/repo\", got \"\(repo)\"",
        ])
    }
}
