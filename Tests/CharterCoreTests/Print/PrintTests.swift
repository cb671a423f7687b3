import Foundation
import Testing
@testable import CharterCore

/// Printable terms of reference: the print HTML's structure, and real PDFs checked with poppler-utils.
@Suite(.serialized)
struct PrintTests {
    @Test func buildWritesAPrintPageForEveryBodyWithTermsAndTheCollection() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Fixtures.build(Fixtures.content("good"), output: folder.appendingPathComponent("site").path)
        let paths = Set(result.files.map(\.path))
        #expect(paths.contains("print/forum.html"))
        #expect(paths.contains("print/kommissoriesamling.html"))
        #expect(paths.contains("assets/print.css"))
        #expect(!paths.contains("print/styregruppe.html"), "a body without terms has no print page")
        let body = try String(contentsOf: folder.appendingPathComponent("site/forum/index.html"), encoding: .utf8)
        #expect(body.contains("<a href=\"../print/forum.html\">Udskriftsvenlig version</a>"))
        #expect(!body.contains(".pdf\""), "no PDF link when the build makes no PDFs")
    }

    @Test func printPageHasTheSectionsMetadataAndAbsoluteLinks() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Fixtures.build(Fixtures.content("good"), output: folder.appendingPathComponent("site").path)
        let file = try #require(result.files.first { $0.path == "print/forum.html" })
        let html = String(decoding: file.data, as: UTF8.self)
        #expect(html.contains("<title>Kommissorium for Forum for ældre og sundhed</title>"))
        #expect(html.contains("<html lang=\"da\">"))
        #expect(html.contains("href=\"../assets/print.css\""))
        #expect(html.contains("<p class=\"running-title\">Forum for ældre og sundhed</p>"))
        #expect(html.contains("<p class=\"running-status\">UDKAST – ikke godkendt</p>"))
        for section in ["Formål", "Opgaver", "Sammensætning", "Mødeleder", "Sekretariat", "Mødefrekvens", "Reference", "Varighed"] {
            #expect(html.contains("<h2>\(section)</h2>"), "\(section)")
        }
        #expect(html.contains("<dt>Udskrevet</dt><dd><time datetime=\"2026-03-01\">1. marts 2026</time></dd>"))
        // Links point at the published site, so paper readers get a whole address.
        #expect(html.contains("href=\"https://intra.example.org/styring/plejecenter/\""))
        #expect(html.contains("– forelægges <a href=\"https://intra.example.org/styring/styregruppe/\""))
    }

    @Test func pdfsCarryTitleLanguagePageNumbersAndTheComposition() throws {
        let engine = try #require(PDFEngine.find(.weasyprint), "WeasyPrint must be installed (make test installs it)")
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site")
        let result = Build(options: .init(content: Fixtures.content("good"), templates: Fixtures.templates, output: output.path,
                                          today: Day(year: 2026, month: 3, day: 1), pdfEngine: engine)).run()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.sorted)")
        let pdf = output.appendingPathComponent("print/forum.pdf").path
        let info = try Fixtures.run("pdfinfo", [pdf])
        #expect(info.contains("Title:           Kommissorium for Forum for ældre og sundhed"))
        #expect(info.contains("Author:          Testkommunen"))
        #expect(info.contains("Page size:       595.276 x 841.89 pts (A4)"))
        let text = try Fixtures.run("pdftotext", ["-layout", pdf, "-"])
        #expect(text.contains("Kommissorium for Forum for ældre"))
        #expect(text.contains("Sammensætning"))
        #expect(text.contains("Chefsygeplejerske"))
        #expect(text.contains("Plejecenter Solhøj"))
        #expect(text.contains("Side 1 af"))
        #expect(text.contains("UDKAST – ikke godkendt"))
        let body = try String(contentsOf: output.appendingPathComponent("forum/index.html"), encoding: .utf8)
        #expect(body.contains("<a href=\"../print/forum.pdf\" type=\"application/pdf\">PDF</a>"))

        let book = output.appendingPathComponent("print/kommissoriesamling.pdf").path
        let bookText = try Fixtures.run("pdftotext", ["-layout", book, "-"])
        #expect(bookText.contains("Kommissoriesamling"))
        #expect(bookText.range(of: #"Kommissorium for Forum for ældre og sundhed \(udkast\) \.+ 4"#, options: .regularExpression) != nil,
                "the table of contents gives the page number")
        #expect(bookText.range(of: #"Organisationsdiagram for Testkommunen \.+ 3"#, options: .regularExpression) != nil,
                "the organisation chart comes first")
        // The chart has a landscape page of its own, with every box's title as text.
        let pages = try Fixtures.run("pdfinfo", ["-f", "1", "-l", "4", book])
        #expect(pages.contains("Page    3 size:  841.89 x 595.276 pts (A4)"))
        #expect(pages.contains("Page    4 size:  595.276 x 841.89 pts (A4)"))
        let chartPage = try Fixtures.run("pdftotext", ["-f", "3", "-l", "3", book, "-"])
        #expect(chartPage.contains("Organisationsdiagram for Testkommunen"))
        let site = try #require(result.site)
        for entity in site.entities where entity.type == .body || entity.type == .unit {
            #expect(chartPage.contains(DOT.wrap(entity.title, width: DOTWriter.titleWidth)[0]), "\(entity.title) is not on the chart's page")
        }
        #expect(chartPage.contains("Side 3 af"))
    }

    @Test func failedBuildWithPDFsLeavesNoPartialSite() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        let broken = PDFEngine(kind: .weasyprint, executable: "/bin/false")
        let result = Build(options: .init(content: Fixtures.content("good"), templates: Fixtures.templates, output: output,
                                          pdfEngine: broken)).run()
        #expect(result.diagnostics.hasErrors)
        #expect(!result.wrote)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func findPrefersTheNamedWeasyPrintThenTheNewestOnPath() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func fake(_ name: String, version: String) throws -> String {
            let bin = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            let file = bin.appendingPathComponent("weasyprint")
            try Data("#!/bin/sh\necho 'WeasyPrint version \(version)'\n".utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
            return file.path
        }
        let debian = try fake("debian", version: "57.2")
        let pypi = try fake("pypi", version: "70.0")
        let path = "\(folder.path)/debian:\(folder.path)/pypi"
        #expect(PDFEngine.find(.weasyprint, path: path, environment: [:])?.executable == pypi, "the newest on PATH, not the first")
        #expect(PDFEngine.find(.weasyprint, path: path, environment: ["CHARTER_WEASYPRINT": debian])?.executable == debian)
        #expect(PDFEngine.find(.weasyprint, path: path, environment: ["CHARTER_WEASYPRINT": "/nonexistent"])?.executable == pypi)
        #expect(PDFEngine.version(of: pypi) == [70, 0])
    }
}
