import Testing
@testable import RawHTTP

@Suite struct HostAllowListTests {
    @Test(arguments: ["localhost", "app.localhost", "localhost.", "127.0.0.1", "127.1.2.3", "[::1]",
                      "[::ffff:127.0.0.1]", "[0:0:0:0:0:0:0:1]"])
    func loopbackNamesAndAddressesAreAllowed(host: String) {
        #expect(HostAllowList().allows(host: host))
    }

    @Test(arguments: ["attacker.example", "", "localhost.attacker.example", "127.0.0.1.attacker.example", "128.0.0.1",
                      "[::2]", "[::ffff:10.0.0.1]", "0.0.0.0", "localhostx", "127.1"])
    func otherNamesAreNot(host: String) {
        #expect(!HostAllowList().allows(host: host))
    }

    @Test func listedNamesAreAllowedWhateverTheirPortOrCase() {
        let list = HostAllowList(["Healer.LAN:9477", "[fd00::5]", "10.0.0.5"])
        #expect(list.allows(host: "healer.lan"))
        #expect(list.allows(host: "[fd00::5]"))
        #expect(list.allows(host: "10.0.0.5"))
        #expect(!list.allows(host: "other.lan"))
    }
}
