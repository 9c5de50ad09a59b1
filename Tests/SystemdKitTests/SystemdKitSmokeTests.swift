import Testing
@testable import SystemdKit

@Test func SystemdKitModuleLoads() { #expect(Bool(true)) }
