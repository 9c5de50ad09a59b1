import Glibc

/// A child started by `ProcessSpawner`: its pid (also its process group id) and the parent's ends of
/// its stdout and stderr pipes (non-blocking, close-on-exec).
struct SpawnedProcess {
    let pid: pid_t
    let stdoutFD: Int32
    let stderrFD: Int32
}

/// Starts a program with `posix_spawn`: argv only, never a shell.
///
/// - The child leads its own process group (`POSIX_SPAWN_SETPGROUP`, pgid 0), so a timeout can
///   signal it together with everything it started.
/// - Its signal mask is emptied and every signal reset to the default action: the daemon ignores or
///   blocks SIGTERM/SIGHUP/SIGPIPE for its Dispatch signal sources, and ignored signals survive
///   `exec`, which would make the child immune to the runner's SIGTERM.
/// - stdin is `/dev/null`, or a pipe holding `stdin` (written whole before the child starts, so
///   at most `maxStdinBytes`, one pipe's capacity); stdout and stderr are pipes; every other
///   descriptor is closed in the child.
enum ProcessSpawner {
    static let maxStdinBytes = 65_536

    static func spawn(executable: String, argv: [String], environment: [String: String]?,
                      stdin: [UInt8]? = nil) -> Result<SpawnedProcess, ExecutableLocator.Failure> {
        var input: (read: Int32, write: Int32)?
        if let stdin {
            guard stdin.count <= maxStdinBytes else {
                return .failure(.message("standard input of \(stdin.count) bytes is larger than \(maxStdinBytes)"))
            }
            guard let pipe = LibcExtras.makeCloexecPipe() else { return .failure(.message("pipe: \(String(cString: strerror(errno)))")) }
            input = pipe
            LibcExtras.setNonBlocking(pipe.write)
            var offset = 0
            while offset < stdin.count {
                let n = stdin[offset...].withUnsafeBytes { write(pipe.write, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    let why = String(cString: strerror(errno))
                    close(pipe.read); close(pipe.write)
                    return .failure(.message("writing standard input: \(why)"))
                }
                offset += n
            }
            close(pipe.write)  // the child reads the bytes, then end of file
        }
        defer { if let input { close(input.read) } }
        guard let out = LibcExtras.makeCloexecPipe() else { return .failure(.message("pipe: \(String(cString: strerror(errno)))")) }
        guard let err = LibcExtras.makeCloexecPipe() else {
            close(out.read); close(out.write)
            return .failure(.message("pipe: \(String(cString: strerror(errno)))"))
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let input {
            posix_spawn_file_actions_adddup2(&actions, input.read, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, out.write, 1)
        posix_spawn_file_actions_adddup2(&actions, err.write, 2)
        if !LibcExtras.addCloseFrom(&actions, lowest: 3) {
            // The pipe ends are CLOEXEC anyway; closing them explicitly keeps older glibc honest.
            for fd in [out.read, out.write, err.read, err.write] { posix_spawn_file_actions_addclose(&actions, fd) }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)

        let cArgv = CStringArray(argv)
        defer { cArgv.free() }
        let cEnv = environment.map { env in CStringArray(env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }) }
        defer { cEnv?.free() }

        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, cArgv.pointers, cEnv?.pointers ?? environ)
        close(out.write); close(err.write)
        guard rc == 0 else {
            close(out.read); close(err.read)
            return .failure(.message("\(executable): \(String(cString: strerror(rc)))"))
        }
        LibcExtras.setNonBlocking(out.read)
        LibcExtras.setNonBlocking(err.read)
        return .success(SpawnedProcess(pid: pid, stdoutFD: out.read, stderrFD: err.read))
    }
}

/// A NULL-terminated `char *[]` built from Swift strings, freed explicitly after `posix_spawn`.
private struct CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int
    init(_ strings: [String]) {
        count = strings.count + 1
        pointers = .allocate(capacity: count)
        for (index, string) in strings.enumerated() { pointers[index] = strdup(string) }
        pointers[strings.count] = nil
    }
    func free() {
        for index in 0..<count { Glibc.free(pointers[index]) }
        pointers.deallocate()
    }
}
