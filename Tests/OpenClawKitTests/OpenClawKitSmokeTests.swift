import Testing
@testable import OpenClawKit

@Test func OpenClawKitModuleLoads() { #expect(Bool(true)) }
