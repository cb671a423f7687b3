import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders and every folder below them with Linux inotify — the kernel says what changed; nothing is polled — and
/// reports saves in bursts: after a change it waits until nothing more has changed for `quiet` (at most `longest` after the
/// first), then reports every path that changed, once.
///
/// ```swift
/// let watcher = try InotifyWatcher(folders: ["content", "templates"])
/// watcher.start { paths in print("changed:", paths) }
/// …
/// watcher.stop()
/// ```
final class InotifyWatcher: @unchecked Sendable {  // safe: mutable state used only on the watching thread after `start`
    /// Why watching could not start.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let folders: [String]
    /// Folders below the watched ones that are not watched (the output folder, when it lies inside the content).
    let ignored: Set<String>
    let quiet: Double
    let longest: Double

    private let descriptor: Int32
    private let wake: (read: Int32, write: Int32)
    private let finished = DispatchSemaphore(value: 0)
    private var thread: Thread?
    // Used only on the watching thread after `start`.
    private var watched: [Int32: String] = [:]
    private var missing: Set<String> = []

    static let mask: UInt32 = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_CREATE)
        | UInt32(IN_DELETE) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_ATTRIB) | UInt32(IN_ONLYDIR)

    /// Starts watching `folders` (recursively, except `ignoring`); the changes are reported once `start` is called.
    init(folders: [String], ignoring: [String] = [], quiet: Double = 0.005, longest: Double = 0.5) throws {
        self.folders = folders.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        ignored = Set(ignoring.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        self.quiet = quiet
        self.longest = longest
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw Failure(description: "inotify: \(String(cString: strerror(errno)))") }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(descriptor)
            throw Failure(description: "pipe: \(String(cString: strerror(errno)))")
        }
        wake = (pipeEnds[0], pipeEnds[1])
        for folder in self.folders {
            addTree(folder)
        }
        if let folder = missing.first {
            close(descriptor)
            close(wake.read)
            close(wake.write)
            throw Failure(description: "cannot watch \(folder): \(String(cString: strerror(errno)))")
        }
    }

    /// Reports bursts of changes to `report` on a thread of the watcher's own.
    func start(_ report: @escaping @Sendable (Set<String>) -> Void) {
        let thread = Thread { [self] in
            run(report)
            finished.signal()
        }
        thread.name = "charter-watch"
        self.thread = thread
        thread.start()
    }

    /// Stops watching and waits for the watching thread to end.
    func stop() {
        guard thread != nil else { return }
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        finished.wait()
        thread = nil
    }

    deinit {
        close(descriptor)
        close(wake.read)
        close(wake.write)
    }

    private func run(_ report: @Sendable (Set<String>) -> Void) {
        var pending = Set<String>()
        var first = 0.0, last = 0.0
        func note(_ changed: Set<String>) {
            guard !changed.isEmpty else { return }
            let now = Self.now()
            if pending.isEmpty { first = now }
            last = now
            pending.formUnion(changed)
        }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            // Wait for the kernel, for the end of a burst, or (while a watched folder is gone) to look for it again.
            var timeout: Int32 = missing.isEmpty ? -1 : 1000
            if !pending.isEmpty {
                let wait = min(last + quiet, first + longest) - Self.now()
                if wait <= 0 {
                    report(pending)
                    pending = []
                    continue
                }
                timeout = Int32((wait * 1000).rounded(.up))
            }
            var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if fds[1].revents != 0 { return }
            note(Set(missing.filter { addTree($0) }))
            guard ready > 0, fds[0].revents & Int16(POLLIN) != 0 else { continue }
            let count = read(descriptor, &buffer, buffer.count)
            if count > 0 { note(handle(buffer[0..<count])) }
        }
    }

    /// The paths of the events in `bytes`; adds watches for new folders and notes watched folders that went away.
    private func handle(_ bytes: ArraySlice<UInt8>) -> Set<String> {
        var changed = Set<String>()
        var offset = bytes.startIndex
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= bytes.endIndex {
            let (wd, mask, length) = bytes.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let base = offset - bytes.startIndex
                return (raw.loadUnaligned(fromByteOffset: base, as: Int32.self),
                        raw.loadUnaligned(fromByteOffset: base + 4, as: UInt32.self),
                        Int(raw.loadUnaligned(fromByteOffset: base + 12, as: UInt32.self)))
            }
            let nameBytes = bytes[(offset + header)..<min(offset + header + length, bytes.endIndex)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            offset += header + length

            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                changed.formUnion(folders)  // events were lost: the build reads everything anyway
                continue
            }
            guard let folder = watched[wd] else { continue }
            if mask & UInt32(IN_IGNORED) != 0 {
                watched[wd] = nil
                if folders.contains(folder) { missing.insert(folder) }
                continue
            }
            let path = name.isEmpty ? folder : folder + "/" + name
            if ignored.contains(path) { continue }
            if mask & UInt32(IN_ISDIR) != 0, mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0, Self.matters(name) {
                addTree(path)
            }
            if name.isEmpty || Self.matters(name) { changed.insert(path) }
        }
        return changed
    }

    /// Watches `folder` and the folders below it; false (and noted as missing, if it is a watched root) when it cannot.
    @discardableResult
    private func addTree(_ folder: String, visited: Set<String> = []) -> Bool {
        guard !ignored.contains(folder) else { return true }
        let wd = inotify_add_watch(descriptor, folder, Self.mask)
        guard wd >= 0 else {
            if folders.contains(folder) { missing.insert(folder) }
            return false
        }
        missing.remove(folder)
        watched[wd] = folder
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard !visited.contains(real) else { return true }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let child = folder + "/" + name
            if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue {
                addTree(child, visited: visited.union([real]))
            }
        }
        return true
    }

    /// Whether a change to a file named `name` can change the site: not editors' backup, swap and temporary files.
    static func matters(_ name: String) -> Bool {
        !(name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || name == "4913")
    }

    static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
