import Testing
@testable import RawHTTP

@Test func RawHTTPModuleLoads() { #expect(Bool(true)) }
