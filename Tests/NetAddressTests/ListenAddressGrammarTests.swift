import NetAddress
import Testing

/// The one listen-address grammar: what used to be checked twice (config validation and the
/// bind), with cases from both.
@Suite struct ListenAddressGrammarTests {
    @Test(arguments: [
        ("127.0.0.1:9477", "127.0.0.1", 9477, false),
        ("0.0.0.0:0", "0.0.0.0", 0, false),
        ("0.0.0.0:80", "0.0.0.0", 80, false),
        ("localhost:65535", "localhost", 65535, false),
        ("heal-box.lan:80", "heal-box.lan", 80, false),
        ("my-host.example:8080", "my-host.example", 8080, false),
        ("[::1]:9477", "::1", 9477, true),
        ("[::]:65535", "::", 65535, true),
        ("[fe80::1%eth0]:9477", "fe80::1%eth0", 9477, true),
        ("[fe80::1%2]:9477", "fe80::1%2", 9477, true),
        ("[2001:db8:0:0:0:0:0:1]:1", "2001:db8:0:0:0:0:0:1", 1, true),
        ("[::ffff:192.0.2.1]:8080", "::ffff:192.0.2.1", 8080, true),
    ])
    func wellFormedAddressesParse(text: String, host: String, port: Int, v6: Bool) throws {
        let address = try ListenAddress.parse(text).get()
        #expect(address == ListenAddress(host: host, port: port, isIPv6: v6))
        #expect(address.description == text)
    }

    @Test func aZoneIsSplitOffTheAddress() throws {
        let scoped = try ListenAddress.parse("[fe80::1%eth0]:9477").get()
        #expect(scoped.address == "fe80::1")
        #expect(scoped.zone == "eth0")
        let plain = try ListenAddress.parse("[::1]:9477").get()
        #expect(plain.address == "::1")
        #expect(plain.zone == nil)
        #expect(try ListenAddress.parse("10.0.0.1:1").get().isLiteral)
        #expect(try !ListenAddress.parse("localhost:1").get().isLiteral)
    }

    @Test(arguments: [
        ("", ListenAddressError.empty),
        ("nohost", .missingPort),
        ("127.0.0.1", .missingPort),
        (":9477", .missingHost),
        (":80", .missingHost),
        ("::1:9477", .unbracketedIPv6),
        ("[::1:9477", .unclosedBracket),
        ("[::1]9477", .missingPort),
        ("[::1]", .missingPort),
        ("127.0.0.1:65536", .badPort("65536")),
        ("1.2.3.4:99999", .badPort("99999")),
        ("127.0.0.1:-1", .badPort("-1")),
        ("127.0.0.1:", .badPort("")),
        ("127.0.0.1:http", .badPort("http")),
        ("host:8o", .badPort("8o")),
        ("256.0.0.1:80", .badIPv4("256.0.0.1")),
        ("300.1.1.1:80", .badIPv4("300.1.1.1")),
        ("1.2.3:80", .badIPv4("1.2.3")),
        ("010.0.0.1:80", .badIPv4("010.0.0.1")),
        ("[nothex]:80", .badIPv6("nothex")),
        ("[1::2::3]:80", .badIPv6("1::2::3")),
        ("[12345::]:80", .badIPv6("12345::")),
        ("[1:2:3:4:5:6:7]:80", .badIPv6("1:2:3:4:5:6:7")),
        ("[fe80::1%]:80", .badIPv6("fe80::1%")),
        ("[fe80::1%a b]:80", .badIPv6("fe80::1%a b")),
        ("bad_host:80", .badHostName("bad_host")),
        ("-lead.example:80", .badHostName("-lead.example")),
        ("-bad:80", .badHostName("-bad")),
    ])
    func malformedAddressesAreRefused(text: String, error: ListenAddressError) {
        #expect(ListenAddress.parse(text) == .failure(error))
    }

    @Test func errorsSayWhatIsWrong() {
        #expect(ListenAddressError.badPort("").description == "the port is missing")
        #expect(ListenAddressError.badPort("99999").description == "the port 99999 is not a number from 0 to 65535")
        #expect(ListenAddressError.unbracketedIPv6.description.contains("needs brackets"))
        #expect(ListenAddressError.empty.description.contains("empty"))
        #expect(ListenAddressError.badHostName("bad_host").description == "\"bad_host\" is not a valid host name")
    }

    @Test(arguments: [
        ("127.0.0.1", true), ("127.8.9.10", true), ("localhost", true), ("LocalHost", true), ("::1", true),
        ("[::1]", true), ("::ffff:127.0.0.1", true), ("[0:0:0:0:0:0:0:1]", true), ("app.localhost", true),
        ("localhost.", true), ("0.0.0.0", false), ("::", false), ("10.0.0.1", false),
        ("128.0.0.1", false), ("example.com", false), ("::2", false), ("::ffff:10.0.0.1", false),
        ("fe80::1%lo", false), ("notlocalhost", false), ("127.0.0.1.evil.example", false),
    ])
    func knowsLoopbackHosts(host: String, loopback: Bool) {
        #expect(ListenAddress.isLoopback(host: host) == loopback)
    }

    @Test func aListenAddressKnowsWhetherItIsLoopback() throws {
        #expect(try ListenAddress.parse("[::1]:1").get().isLoopback)
        #expect(try ListenAddress.parse("127.0.0.1:1").get().isLoopback)
        #expect(try !ListenAddress.parse("0.0.0.0:1").get().isLoopback)
        #expect(try !ListenAddress.parse("[::]:1").get().isLoopback)
    }
}
