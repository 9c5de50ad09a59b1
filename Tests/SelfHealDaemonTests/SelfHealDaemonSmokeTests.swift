import Testing
@testable import SelfHealDaemon

@Test func SelfHealDaemonModuleLoads() { #expect(Bool(true)) }
