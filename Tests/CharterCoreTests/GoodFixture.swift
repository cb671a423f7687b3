import Foundation
@testable import CharterCore

/// The good fixture site (`fixtures/good`) as `charter build` writes it on 1 March 2026, built once for every test that
/// reads it: the first test to ask builds it into a temporary folder, reads back every file written and removes the
/// folder. The tests only read it, so they stay independent of their order.
///
/// ```swift
/// let forum = try GoodFixture.page("forum/index.html")
/// ```
enum GoodFixture {
    /// What the build reported and made.
    static let result: Build.Result = built.result
    /// Every file written, by its path in the site (`forum/index.html`).
    static let files: [String: Data] = built.files

    private static let built: (result: Build.Result, files: [String: Data]) = {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site")
        let result = Fixtures.build(Fixtures.content("good"), output: output.path)
        var files: [String: Data] = [:]
        let paths = FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []
        for path in paths {
            var isDirectory: ObjCBool = false
            let url = output.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[path] = FileManager.default.contents(atPath: url.path)
        }
        return (result, files)
    }()

    /// The text of the written file at `path`; an error when the build did not write it.
    static func page(_ path: String) throws -> String {
        guard let data = files[path] else { throw Missing(path: path) }
        return String(decoding: data, as: UTF8.self)
    }

    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String { "the good fixture's build wrote no \(path)" }
    }
}
