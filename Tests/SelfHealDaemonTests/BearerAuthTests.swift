import Testing
@testable import SelfHealDaemon

struct BearerAuthTests {
    let auth = BearerAuth(token: "s3cret-token")

    @Test func acceptsTheExactToken() {
        #expect(auth.authorizes(headerValue: "Bearer s3cret-token"))
        #expect(auth.authorizes(headerValue: "bearer s3cret-token"))
    }

    @Test(arguments: [nil, "", "Bearer", "Bearer ", "Bearer s3cret-toke", "Bearer s3cret-token2",
                      "Basic s3cret-token", "s3cret-token", "Bearer S3CRET-TOKEN"] as [String?])
    func refusesEverythingElse(header: String?) {
        #expect(!auth.authorizes(headerValue: header))
    }

    @Test func lengthDifferencesOfAMultipleOf256StillDiffer() {
        let a = [UInt8](repeating: 0, count: 256)
        #expect(!BearerAuth.constantTimeEquals(a, []))
        #expect(!BearerAuth.constantTimeEquals([], []))
        #expect(BearerAuth.constantTimeEquals([1, 2], [1, 2]))
    }
}
