import Foundation
@testable import CharterCore

/// Paths and helpers shared by the tests.
enum Fixtures {
    /// The repository's root folder.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// `Tests/CharterCoreTests/fixtures`.
    static let root = repository.appendingPathComponent("Tests/CharterCoreTests/fixtures")
    /// The default theme.
    static let templates = repository.appendingPathComponent("templates").path

    /// The default theme's Danish translation, for tests that build a site without `Build`.
    static let danish: Translation = {
        var diagnostics = Diagnostics()
        var config = SiteConfig()
        config.language = "da"
        return TranslationLoader.load(config: config, templates: templates, content: "/nonexistent", into: &diagnostics)
    }()

    static func content(_ name: String) -> String {
        root.appendingPathComponent(name).appendingPathComponent("content").path
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("charter-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes a content tree given as `relative path: text` into a temporary folder and returns the folder.
    static func write(_ files: [String: String]) -> URL {
        let folder = temporaryFolder()
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }
        return folder
    }

    /// A `site.yml` declaring the kinds the tests write (Charter knows no kinds of its own), a region as the top.
    static let kinds = """
        kinds:
          body: {forum: Forum, udvalg: Udvalg, styregruppe: Styregruppe, råd: Råd, møde: Møde, kreds: Kreds, ledelse: Ledelse}
          unit: {region: {label: Region, top: true}, sygehus: Sygehus, administration: Administration, afdeling: Afdeling,
                 direktion: Direktion, stab: Stab}

        """

    /// `kinds` as the content tree's `site.yml`.
    static var kindsConfig: SourceFile { SourceFile(path: "site.yml", relativePath: "site.yml", text: kinds) }

    /// Checks a content tree in memory (no disk) and returns the diagnostics as printed lines.
    static func diagnose(_ files: [String: String], config: String? = kinds) -> [String] {
        let tree = ContentTree(
            files: files.sorted { $0.key < $1.key }.map { try! SourceFile.decode(Array($0.value.utf8), path: $0.key, relativePath: $0.key).get() },
            config: config.map { SourceFile(path: "site.yml", relativePath: "site.yml", text: $0) })
        var diagnostics = Diagnostics()
        _ = SiteBuilder.build(tree, into: &diagnostics)
        return diagnostics.sorted.map(\.description)
    }

    /// The standard output of `/usr/bin/<tool>` run with `arguments` (poppler-utils' `pdftotext`, `pdfinfo`).
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func build(_ content: String, output: String, dryRun: Bool = false) -> Build.Result {
        Build(options: .init(content: content, templates: templates, output: output, dryRun: dryRun,
                             today: Day(year: 2026, month: 3, day: 1))).run()
    }
}

extension String {
    /// The number of times `needle` occurs.
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
