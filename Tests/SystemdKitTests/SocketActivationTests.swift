import Glibc
import Testing
@testable import SystemdKit

extension EnvironmentMutatingTests {
    /// The environment handling, in-process. Passed descriptors are checked in a child process
    /// started by `systemd-socket-activate` (SocketActivationChildTests): in this process
    /// descriptor 3 already belongs to Dispatch.
    @Suite struct SocketActivationTests {
        @Test func noDescriptorsWithoutListenFds() throws {
            try withEnvironment(["LISTEN_PID": nil, "LISTEN_FDS": nil, "LISTEN_FDNAMES": nil]) {
                let descriptors = try SocketActivation.listeningDescriptors()
                #expect(descriptors == [])
            }
        }

        @Test func descriptorsMeantForAnotherProcessAreIgnoredAndTheEnvironmentCleared() throws {
            try withEnvironment(["LISTEN_PID": "\(getppid())", "LISTEN_FDS": "1", "LISTEN_FDNAMES": "http"]) {
                let descriptors = try SocketActivation.listeningDescriptors()
                #expect(descriptors == [])
                #expect(getenv("LISTEN_PID") == nil)
                #expect(getenv("LISTEN_FDS") == nil)
                #expect(getenv("LISTEN_FDNAMES") == nil)
            }
        }

        @Test func malformedEnvironmentIsATypedError() {
            withEnvironment(["LISTEN_PID": "\(getpid())", "LISTEN_FDS": "many"]) {
                #expect(activationError() == .invalidEnvironment(errno: EINVAL))
            }
        }

        /// The error `listeningDescriptors()` throws, `nil` when it returns.
        private func activationError() -> SocketActivationError? {
            do {
                _ = try SocketActivation.listeningDescriptors()
                return nil
            } catch {
                return error
            }
        }
    }
}
