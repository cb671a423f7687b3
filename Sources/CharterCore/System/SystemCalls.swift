import CLinux
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The system calls that take pointers, and the one file that imports `CLinux`: the rest of the build passes arrays,
/// `Data` and strings, and gets back counts, arrays and `errno` values.
///
/// Invariants of the unsafe code here:
/// - a buffer's pointer is used only inside the `withUnsafeBytes` / `withUnsafeMutableBytes` call that made it, and
///   `write`/`read` are given `count - offset` bytes from `base + offset` with `offset < count`, so never past its end;
/// - an interrupted call (`EINTR`) is repeated, and a short write or read goes on from where it stopped;
/// - the `strdup` copies of a spawned command's arguments are freed by a `defer` once `posix_spawn` has returned.
enum SystemCalls {
    /// Writes all of `bytes` to `descriptor`; nil when done, else the `errno` of the call that failed.
    static func writeAll(_ bytes: some ContiguousBytes, to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// Reads exactly `count` bytes, or nil at the end of the input or on an error.
    static func readExactly(_ count: Int, from descriptor: Int32) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, count - offset) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return nil }
            offset += got
        }
        return bytes
    }

    /// Exchanges the two paths in one step (`renameat2(RENAME_EXCHANGE)`); false, with `errno` set, where the kernel or
    /// the file system lacks it.
    static func renameExchange(_ from: String, _ to: String) -> Bool {
        charter_rename_exchange(from, to) == 0
    }

    /// Starts `arguments` in a new session (so that neither the build's exit nor a Ctrl-C in its terminal stops it),
    /// with its standard streams on `/dev/null`, not waited for; false when it could not start.
    static func spawnDetached(_ arguments: [String]) -> Bool {
        var attributes = posix_spawnattr_t()
        guard posix_spawnattr_init(&attributes) == 0 else { return false }
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (glibc 2.26), a macro Swift does not import.
        let setsid: Int16 = 0x80
        guard posix_spawnattr_setflags(&attributes, setsid) == 0 else { return false }
        // Its output goes nowhere: the build has printed its report by the time it says anything.
        var actions = posix_spawn_file_actions_t()
        guard posix_spawn_file_actions_init(&actions) == 0 else { return false }
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in [Int32(0), 1, 2] {
            guard posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0) == 0 else {
                return false
            }
        }
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let started = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ) == 0
        // The child is not waited for: once this process ends, init reaps it.
        return started
    }
}
