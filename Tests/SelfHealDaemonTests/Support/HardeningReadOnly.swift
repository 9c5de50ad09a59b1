import Foundation

/// Makes a directory unwritable even for root (the tests run as root, so chmod 555 changes
/// nothing): a read-only bind mount of the directory onto itself, or else `chattr +i`. `undo`
/// puts it back; it must run (the tests call it in a `defer`).
struct HardeningReadOnly {
    let method: String
    let undo: () -> Void

    static func make(_ directory: String) -> HardeningReadOnly? {
        if run(["/usr/bin/mount", "--bind", directory, directory]) {
            if run(["/usr/bin/mount", "-o", "remount,ro,bind", directory]) {
                return HardeningReadOnly(method: "read-only bind mount") { _ = run(["/usr/bin/umount", directory]) }
            }
            _ = run(["/usr/bin/umount", directory])
        }
        if run(["/usr/bin/chattr", "+i", directory]) {
            return HardeningReadOnly(method: "chattr +i") { _ = run(["/usr/bin/chattr", "-i", directory]) }
        }
        return nil
    }

    private static func run(_ argv: [String]) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: argv[0]),
              let result = try? HardeningCommand.run(argv, timeout: 10) else { return false }
        return result.status == 0 && !result.timedOut
    }
}
