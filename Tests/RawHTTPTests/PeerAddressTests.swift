import Glibc
import Testing
@testable import RawHTTP

@Suite struct PeerAddressTests {
    static func ipv4(_ text: String) -> PeerAddress {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, text, &address.sin_addr)
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { target in withUnsafeBytes(of: address) { target.copyMemory(from: $0) } }
        return PeerAddress(storage)
    }

    static func ipv6(_ text: String) -> PeerAddress {
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        inet_pton(AF_INET6, text, &address.sin6_addr)
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { target in withUnsafeBytes(of: address) { target.copyMemory(from: $0) } }
        return PeerAddress(storage)
    }

    @Test func formatsAndClassifiesIPv4() {
        #expect(Self.ipv4("127.0.0.1").text == "127.0.0.1")
        #expect(Self.ipv4("127.200.1.9").isLoopback)
        #expect(Self.ipv4("192.168.1.20").text == "192.168.1.20")
        #expect(!Self.ipv4("192.168.1.20").isLoopback)
    }

    @Test func formatsAndClassifiesIPv6() {
        #expect(Self.ipv6("::1").text == "::1")
        #expect(Self.ipv6("::1").isLoopback)
        #expect(Self.ipv6("::ffff:127.0.0.1").isLoopback)
        #expect(!Self.ipv6("::ffff:10.0.0.1").isLoopback)
        #expect(!Self.ipv6("fe80::1").isLoopback)
        #expect(Self.ipv6("2001:db8::5").text == "2001:db8::5")
    }

    @Test func unixPeersAreLocal() {
        var storage = sockaddr_storage()
        storage.ss_family = sa_family_t(AF_UNIX)
        #expect(PeerAddress(storage).text == "unix")
        #expect(PeerAddress(storage).isLoopback)
        #expect(!PeerAddress(sockaddr_storage()).isLoopback)
    }
}
