import Foundation
import Testing
@testable import CharterPreview

/// The watcher, on a temporary folder.
final class InotifyWatcherTests {
    /// Collects reports and waits for one that satisfies a condition.
    final class Reports: @unchecked Sendable {
        private let condition = NSCondition()
        private var reports: [Set<String>] = []

        func add(_ paths: Set<String>) {
            condition.withLock {
                reports.append(paths)
                condition.broadcast()
            }
        }

        /// Waits (at most `timeout` seconds) until the reports so far satisfy `done`; returns them.
        func wait(timeout: Double = 10, until done: ([Set<String>]) -> Bool) -> [Set<String>] {
            let deadline = Date(timeIntervalSinceNow: timeout)
            return condition.withLock {
                while !done(reports), condition.wait(until: deadline) {}
                return reports
            }
        }
    }

    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("charter-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func write(_ relative: String) {
        _ = FileManager.default.createFile(atPath: folder + "/" + relative, contents: Data("x".utf8))
    }

    @Test func aBurstOfSavesIsReportedOnceWithoutEditorsTemporaryFiles() async throws {
        let watcher = try InotifyWatcher(folders: [folder], quiet: 0.05)
        defer { watcher.stop() }
        // Saved before the watcher reads: the kernel holds the events, so they arrive as one burst.
        for name in ["a.md", "sub/b.md", ".a.md.swp", "c.md~", "4913"] { write(name) }
        try FileManager.default.moveItem(atPath: folder + "/a.md", toPath: folder + "/d.md")
        let reports = Reports()
        watcher.start { reports.add($0) }
        let seen = await offPoolWait { reports.wait { !$0.isEmpty } }
        #expect(seen == [[folder + "/a.md", folder + "/sub/b.md", folder + "/d.md"]])
    }

    @Test func foldersCreatedLaterAreWatchedToo() async throws {
        let watcher = try InotifyWatcher(folders: [folder], quiet: 0.01)
        defer { watcher.stop() }
        let reports = Reports()
        watcher.start { reports.add($0) }
        try FileManager.default.createDirectory(atPath: folder + "/new/deeper", withIntermediateDirectories: true)
        let folder = folder
        _ = await offPoolWait { reports.wait { $0.contains { $0.contains(folder + "/new") } } }
        write("new/deeper/x.md")
        let seen = await offPoolWait { reports.wait { $0.contains { $0.contains(folder + "/new/deeper/x.md") } } }
        #expect(seen.contains { $0.contains(folder + "/new/deeper/x.md") })
    }

    @Test func theOutputFolderInsideTheContentIsNotWatched() async throws {
        try FileManager.default.createDirectory(atPath: folder + "/site/forum", withIntermediateDirectories: true)
        let watcher = try InotifyWatcher(folders: [folder], ignoring: [folder + "/site"], quiet: 0.05)
        defer { watcher.stop() }
        for name in ["site/index.html", "site/forum/index.html", "a.md"] { write(name) }
        let reports = Reports()
        watcher.start { reports.add($0) }
        let seen = await offPoolWait { reports.wait { !$0.isEmpty } }
        #expect(seen == [[folder + "/a.md"]])
    }

    @Test func aMissingFolderCannotBeWatched() {
        #expect(throws: InotifyWatcher.Failure.self) { try InotifyWatcher(folders: [folder + "/missing"]) }
    }

    func offPoolWait<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        try! await offPool { work() }
    }
}
