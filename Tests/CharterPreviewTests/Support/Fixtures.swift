import CharterCore
import Foundation
@testable import CharterPreview

/// Paths, copies of content trees and running previews, for the tests.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// The default theme.
    static let templates = repository.appendingPathComponent("templates").path
    /// The good fixture site of the core's tests.
    static let goodContent = repository.appendingPathComponent("Tests/CharterCoreTests/fixtures/good/content").path
    /// The build date every test uses.
    static let today = Day(year: 2026, month: 3, day: 1)

    /// A fresh temporary folder holding a copy of `content` (and of the templates when `templates` is true).
    static func workspace(content: String = goodContent, templates copyTemplates: Bool = false) throws -> Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("charter-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: content, toPath: root.appendingPathComponent("content").path)
        if copyTemplates {
            try FileManager.default.copyItem(atPath: templates, toPath: root.appendingPathComponent("templates").path)
        }
        return Workspace(root: root, ownTemplates: copyTemplates)
    }
}

/// A temporary folder with `content/`, maybe `templates/`, and `site/` once built.
struct Workspace {
    let root: URL
    let ownTemplates: Bool

    var content: String { root.appendingPathComponent("content").path }
    var templates: String { ownTemplates ? root.appendingPathComponent("templates").path : Fixtures.templates }
    var output: String { root.appendingPathComponent("site").path }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// Writes a file as an editor saving in place would.
    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(relative))
    }

    /// Replaces `old` with `new` in a file.
    func edit(_ relative: String, replacing old: String, with new: String) throws {
        let text = try read(relative)
        precondition(text.contains(old), "\(relative) does not contain \(old)")
        try write(relative, text.replacingOccurrences(of: old, with: new))
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// A preview of this workspace on a free loopback port, started.
    func startPreview(quiet: Double = 0.02) async throws -> RunningPreview {
        let preview = PreviewServer(options: .init(content: content, templates: templates, output: output, port: 0, quiet: quiet,
                                                   today: { Fixtures.today }))
        let url = try await preview.start()
        return RunningPreview(preview: preview, port: url.port!)
    }
}

/// A started preview and its port.
struct RunningPreview {
    let preview: PreviewServer
    let port: Int

    func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) async throws -> RawHTTP.Response {
        let port = port
        return try await offPool { try RawHTTP.request(port: port, target, method: method, headers: headers) }
    }

    /// An open live-reload stream, as a page has.
    func events() async throws -> EventStream {
        let port = port
        return try await offPool { try EventStream(port: port) }
    }
}

extension Workspace {
    /// Runs `body` with a started preview and stops it afterwards, also when `body` throws.
    func withPreview(quiet: Double = 0.02, _ body: (RunningPreview) async throws -> Void) async throws {
        let running = try await startPreview(quiet: quiet)
        do {
            try await body(running)
        } catch {
            await running.preview.stop()
            throw error
        }
        await running.preview.stop()
    }

    /// What `charter build` makes of this workspace, by path.
    func fullBuild() -> [String: Data] {
        let result = Build(options: .init(content: content, templates: templates, output: output, dryRun: true, today: Fixtures.today)).run()
        precondition(!result.diagnostics.hasErrors, "\(Array(result.diagnostics))")
        return Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.data) })
    }

    /// Every file under the output folder, by path relative to it.
    func filesOnDisk() -> [String: Data] {
        var files: [String: Data] = [:]
        for relative in (FileManager.default.enumerator(atPath: output)?.allObjects as? [String] ?? []) {
            var isDirectory: ObjCBool = false
            let full = output + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }
}
