import Foundation
import Testing
@testable import CharterCore

/// The PDFs are tagged PDF/UA-1, read back with a real PDF library (pikepdf, through `Tests/tools/pdf_structure.py`).
@Suite(.serialized, .enabled(if: PDFStructure.pikepdfInstalled, "pikepdf is not installed: pip install pikepdf (make test-deps installs it)"))
struct PDFAccessibilityTests {
    static let sections = ["Formål", "Opgaver", "Sammensætning", "Mødeleder", "Sekretariat", "Mødefrekvens", "Reference", "Varighed"]

    /// The good fixture printed with PDFs; the caller removes the folder.
    static func printed() throws -> (folder: URL, print: URL) {
        let engine = try #require(PDFEngine.find(.weasyprint), "WeasyPrint must be installed (make test installs it)")
        let folder = Fixtures.temporaryFolder()
        let output = folder.appendingPathComponent("site")
        let result = Build(options: .init(content: Fixtures.content("good"), templates: Fixtures.templates, output: output.path,
                                          today: Day(year: 2026, month: 3, day: 1), pdfEngine: engine)).run()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.sorted)")
        return (folder, output.appendingPathComponent("print"))
    }

    @Test func termsOfReferenceAreTaggedWithLanguageTitleHeadingsListsAndBookmarks() throws {
        let (folder, print) = try Self.printed()
        defer { try? FileManager.default.removeItem(at: folder) }
        let structure = try PDFStructure.read(print.appendingPathComponent("forum.pdf").path)
        #expect(structure.marked, "MarkInfo /Marked true")
        #expect(structure.hasStructTree, "a StructTreeRoot")
        #expect(structure.uaPart == "1", "the XMP metadata claims PDF/UA-1")
        #expect(structure.lang == "da")
        #expect(structure.title == "Kommissorium for Forum for ældre og sundhed")
        #expect(structure.displayTitle, "viewers show the title, not the file name")
        let expected = [PDFStructure.Heading(tag: "H1", text: "Kommissorium for Forum for ældre og sundhed")]
            + Self.sections.map { PDFStructure.Heading(tag: "H2", text: $0) }
        #expect(Array(structure.headings.prefix(expected.count)) == expected)
        #expect(structure.headings.last == PDFStructure.Heading(tag: "H2", text: "Baggrund"), "the body's own text keeps its headings")
        for tag in ["L", "LI", "LBody", "Lbl", "Link", "Sect", "P"] {
            #expect(structure.tags[tag, default: 0] > 0, "no \(tag) in the structure tree")
        }
        // Bookmarks are the headings.
        #expect(structure.outline.map(\.title) == structure.headings.map(\.text))
    }

    @Test func runningHeadersAndPageNumbersAreArtifactsAndTheTextIsAllTagged() throws {
        let (folder, print) = try Self.printed()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = print.appendingPathComponent("forum.pdf").path
        let structure = try PDFStructure.read(pdf)
        let pages = try Fixtures.run("pdfinfo", [pdf]).split(separator: "\n").first { $0.hasPrefix("Pages:") }
        let pageCount = Int(pages?.split(separator: " ").last ?? "") ?? 0
        #expect(structure.artifacts >= pageCount, "every page's furniture is an artifact (\(structure.artifacts) on \(pageCount) pages)")
        #expect(structure.untaggedText.isEmpty, "text outside the structure tree: \(structure.untaggedText)")
        #expect(!structure.allText.contains("Side 1 af"), "the page number is not content")
        // pdftotext still reads the page, furniture included, in reading order.
        let text = try Fixtures.run("pdftotext", [pdf, "-"])
        #expect(text.contains("Side 1 af"))
        var rest = Substring(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        for heading in structure.headings.map(\.text) {
            let range = try #require(rest.range(of: heading), "pdftotext lost '\(heading)' or read it out of order")
            rest = rest[range.upperBound...]
        }
    }

    @Test func theCollectionIsTaggedWithEachDocumentsHeadingsInOrder() throws {
        let (folder, print) = try Self.printed()
        defer { try? FileManager.default.removeItem(at: folder) }
        let structure = try PDFStructure.read(print.appendingPathComponent("kommissoriesamling.pdf").path)
        #expect(structure.marked && structure.hasStructTree && structure.uaPart == "1")
        #expect(structure.lang == "da")
        #expect(structure.title == "Kommissoriesamling – Testkommunens styring")
        #expect(structure.headings.filter { $0.tag == "H1" }.map(\.text)
                == ["Kommissoriesamling", "Organisationsdiagram for Testkommunen", "Kommissorium for Forum for ældre og sundhed"])
        #expect(structure.artifacts > 0)
        #expect(structure.untaggedText.isEmpty)
    }
}

/// What `Tests/tools/pdf_structure.py` reads from a PDF.
struct PDFStructure: Decodable {
    struct Heading: Decodable, Equatable, CustomStringConvertible {
        var tag: String
        var text: String
        var description: String { "\(tag) \(text)" }
    }
    struct Bookmark: Decodable {
        var depth: Int
        var title: String
    }
    final class Node: Decodable {
        var tag: String
        var text: String
        var kids: [Node]
        var allText: String { ([text] + kids.map(\.allText)).joined() }
    }

    var marked: Bool
    var hasStructTree: Bool
    var lang: String
    var title: String
    var displayTitle: Bool
    var uaPart: String
    var outline: [Bookmark]
    var artifacts: Int
    var untaggedText: String
    var tags: [String: Int]
    var headings: [Heading]
    var tree: Node?

    var allText: String { tree?.allText ?? "" }

    static let script = Fixtures.repository.appendingPathComponent("Tests/tools/pdf_structure.py").path

    static let pikepdfInstalled: Bool = (try? python(["-c", "import pikepdf"]).status) == 0

    static func read(_ pdf: String) throws -> PDFStructure {
        let (status, output) = try python([script, pdf])
        guard status == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: pdf]) }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(PDFStructure.self, from: output)
    }

    /// Runs the `python3` on PATH (where `pip install pikepdf` put it), not a fixed one.
    static func python(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}
