import Foundation
import Testing
@testable import CharterCore

/// A bounded, seeded fuzz run over the front-matter and Markdown pipeline: mutated copies of the good fixture are
/// decoded, modelled and rendered; any crash fails the test run. Failures found become cases in BadInputCorpusTests.
struct FuzzTests {
    static let tokens = ["---", "\n---\n", ":", ": ", "- ", "[", "]", "(", ")", "](", ".md", "#", "\n", "\t", "\r", "&a ", "*a",
                         "{", "}", "\"", "'", ">", "<script>", "\u{0}", "é", "å", "\u{30A}", "|", "!", "`", "```", "*", "_",
                         "    ", "1. ", "<!--", "\\", "%", "@", "~", "null", "[[", "]]", "javascript:", "../"]

    static func mutate(_ text: String, using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = Array(text.utf8)
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: if !bytes.isEmpty { bytes[position] = UInt8.random(in: 0...255, using: &generator) }
            case 1: bytes.insert(contentsOf: Array(tokens.randomElement(using: &generator)!.utf8), at: position)
            case 2: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...40, using: &generator)))
            case 3: bytes = Array(bytes.prefix(position))
            case 4:
                let end = min(bytes.count, position + Int.random(in: 1...60, using: &generator))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            default:
                let repeated = Array(tokens.randomElement(using: &generator)!.utf8)
                for _ in 0..<Int.random(in: 2...200, using: &generator) { bytes.insert(contentsOf: repeated, at: position) }
            }
        }
        return bytes
    }

    @Test func mutatedContentNeverCrashesThePipeline() throws {
        var diagnostics = Diagnostics()
        let base = ContentTree.load(from: Fixtures.content("good"), into: &diagnostics)
        let templates = try #require(TemplateSet.load(from: Fixtures.templates, into: &diagnostics))
        #expect(!diagnostics.hasErrors)
        var generator = SeededGenerator(seed: UInt64(ProcessInfo.processInfo.environment["CHARTER_FUZZ_SEED"] ?? "") ?? 20_261_123)
        let iterations = Int(ProcessInfo.processInfo.environment["CHARTER_FUZZ_ITERATIONS"] ?? "") ?? 200
        let charts = ChartRenderer()  // shared, as in the preview server: unchanged charts come from its cache
        var rendered = 0
        for _ in 0..<iterations {
            var tree = base
            let index = Int.random(in: 0..<tree.files.count, using: &generator)
            let file = tree.files[index]
            let bytes = Self.mutate(file.text, using: &generator)
            var local = Diagnostics()
            switch SourceFile.decode(bytes, path: file.path, relativePath: file.relativePath) {
            case .success(let mutated): tree.files[index] = mutated
            case .failure(let diagnostic): local.append(diagnostic); tree.files.remove(at: index)
            }
            let site = SiteBuilder.build(tree, into: &local)
            for diagnostic in local.sorted where diagnostic.severity == .error {
                #expect(diagnostic.location.line >= 0 && !diagnostic.message.isEmpty)
            }
            // Render even when there are errors: the renderer must be safe on whatever the model holds.
            var ignored = Diagnostics()
            let files = Pipeline(charts: charts).render(site, templates: templates, buildDate: Day(year: 2026, month: 1, day: 1), into: &ignored)
            rendered += files.count
        }
        #expect(rendered > iterations)
    }
}
