import Testing
@testable import RawHTTP

@Suite struct ListenAddressTests {
    @Test(arguments: [
        ("127.0.0.1:9477", "127.0.0.1", 9477),
        ("[::1]:0", "::1", 0),
        ("0.0.0.0:80", "0.0.0.0", 80),
        ("localhost:0", "localhost", 0),
        ("[::]:65535", "::", 65535),
        ("my-host.example:8080", "my-host.example", 8080),
    ])
    func parsesValidAddresses(input: String, host: String, port: Int) throws {
        let parsed = try ListenAddress.parse(input)
        #expect(parsed.host == host)
        #expect(parsed.port == port)
    }

    @Test(arguments: [
        ("", "empty"),
        ("nohost", "missing port"),
        ("1.2.3.4:99999", "port '99999'"),
        ("[::1", "never closed"),
        ("[::1]", "missing ':PORT'"),
        ("[nothex]:80", "not an IPv6 address"),
        ("::1:80", "needs brackets"),
        (":80", "missing host"),
        ("1.2.3:80", "not an IPv4 address"),
        ("300.1.1.1:80", "not an IPv4 address"),
        ("host:", "port ''"),
        ("host:-1", "port '-1'"),
        ("host:8o", "port '8o'"),
        ("bad_host:80", "not a valid host name"),
        ("-bad:80", "not a valid host name"),
    ])
    func rejectsInvalidAddressesWithAClearReason(input: String, fragment: String) {
        do {
            _ = try ListenAddress.parse(input)
            Issue.record("'\(input)' was accepted")
        } catch let error as ListenAddressError {
            #expect(error.input == input)
            #expect(error.description.contains(fragment), "\(error.description)")
            #expect(error.description.hasPrefix("invalid listen address '\(input)'"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: [
        ("127.0.0.1", true), ("127.8.9.10", true), ("localhost", true), ("LocalHost", true), ("::1", true),
        ("[::1]", true), ("::ffff:127.0.0.1", true), ("0.0.0.0", false), ("::", false), ("10.0.0.1", false),
        ("128.0.0.1", false), ("example.com", false), ("::2", false), ("::ffff:10.0.0.1", false),
    ])
    func knowsLoopbackHosts(host: String, loopback: Bool) {
        #expect(ListenAddress.isLoopback(host: host) == loopback)
    }
}
