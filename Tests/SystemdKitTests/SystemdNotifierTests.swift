import Glibc
import Testing
import TestSupport
@testable import SystemdKit

extension EnvironmentMutatingTests {
    @Suite struct SystemdNotifierTests {
        @Test func sendsEachMessageToNotifySocketInOrder() throws {
            let listener = try NotifySocketListener()
            try withEnvironment(["NOTIFY_SOCKET": listener.path]) {
                let notifier = SystemdNotifier()
                #expect(notifier.isSupervised)
                #expect(notifier.ready(status: "starting done") == .sent)
                #expect(notifier.status("1 model cooling") == .sent)
                let before = MonotonicClock.nowMicroseconds()
                #expect(notifier.reloading() == .sent)
                let after = MonotonicClock.nowMicroseconds()
                #expect(notifier.ready() == .sent)
                #expect(notifier.watchdog() == .sent)
                #expect(notifier.stopping() == .sent)
                #expect(notifier.notify("EXTEND_TIMEOUT_USEC=5000000") == .sent)

                #expect(listener.receiveOwn() == "READY=1\nSTATUS=starting done")
                #expect(listener.receiveOwn() == "STATUS=1 model cooling")
                let reloading = try #require(listener.receiveOwn())
                let lines = reloading.split(separator: "\n")
                #expect(lines.first == "RELOADING=1")
                let stamp = try #require(lines.last.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) })
                #expect(lines.last?.hasPrefix("MONOTONIC_USEC=") == true)
                #expect((before ... after).contains(stamp))
                #expect(listener.receiveOwn() == "READY=1")
                #expect(listener.receiveOwn() == "WATCHDOG=1")
                #expect(listener.receiveOwn() == "STOPPING=1")
                #expect(listener.receiveOwn() == "EXTEND_TIMEOUT_USEC=5000000")
            }
        }

        @Test func keepsNotifySocketForLaterNotifications() throws {
            let listener = try NotifySocketListener()
            withEnvironment(["NOTIFY_SOCKET": listener.path]) {
                SystemdNotifier().ready()
                #expect(getenv("NOTIFY_SOCKET") != nil)
                SystemdNotifier().status("still here")
                #expect(listener.receiveOwn() == "READY=1")
                #expect(listener.receiveOwn() == "STATUS=still here")
            }
        }

        @Test func isANoOpWithoutNotifySocket() {
            withEnvironment(["NOTIFY_SOCKET": nil]) {
                let notifier = SystemdNotifier()
                #expect(!notifier.isSupervised)
                #expect(notifier.ready(status: "x") == .notSupervised)
                #expect(notifier.reloading() == .notSupervised)
                #expect(notifier.watchdog() == .notSupervised)
                #expect(notifier.stopping() == .notSupervised)
            }
        }

        @Test func reportsTheErrorWhenNobodyListens() throws {
            let directory = TemporaryDirectory("sdk-test")
            defer { directory.remove() }
            let path = directory.url.appendingPathComponent("gone.sock").path
            withEnvironment(["NOTIFY_SOCKET": path]) {
                guard case .failed(let error) = SystemdNotifier().ready() else {
                    Issue.record("sending to a missing socket should fail")
                    return
                }
                #expect(error == ENOENT || error == ECONNREFUSED)
            }
        }

        @Test func watchdogIntervalFromWatchdogUsecForThisProcess() {
            withEnvironment(["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "\(getpid())"]) {
                #expect(SystemdNotifier.watchdogInterval() == .seconds(30))
            }
            withEnvironment(["WATCHDOG_USEC": "1500", "WATCHDOG_PID": nil]) {
                #expect(SystemdNotifier.watchdogInterval() == .microseconds(1500))
            }
        }

        @Test func watchdogIntervalIsNilWhenNotForThisProcess() {
            // A child that inherited the variables: WATCHDOG_PID names its parent.
            withEnvironment(["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "\(getppid())"]) {
                #expect(SystemdNotifier.watchdogInterval() == nil)
            }
        }

        @Test(arguments: [nil, "", "soon", "-5", "0"] as [String?])
        func watchdogIntervalIsNilWhenNotEnabledOrUnusable(usec: String?) {
            withEnvironment(["WATCHDOG_USEC": usec, "WATCHDOG_PID": nil]) {
                #expect(SystemdNotifier.watchdogInterval() == nil)
            }
        }

        @Test func pingerCannotBeMadeWithoutAWatchdog() {
            withEnvironment(["WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) {
                #expect(WatchdogPinger(notifier: RecordingNotifier(), healthCheck: { true }) == nil)
            }
            withEnvironment(["WATCHDOG_USEC": "8000000", "WATCHDOG_PID": "\(getpid())"]) {
                let pinger = WatchdogPinger(notifier: RecordingNotifier(), healthCheck: { true })
                #expect(pinger?.watchdogInterval == .seconds(8))
                #expect(pinger?.pingInterval == .seconds(4))
                #expect(pinger?.checkDeadline == .seconds(2))
            }
        }
    }
}
