import Foundation
import Testing
@testable import CharterCore

/// An English site of a made-up open-source foundation, with its own kinds and type labels: it builds with no
/// diagnostics, and no page, chart, print page or PDF of it shows a word of the Danish interface.
@Suite(.serialized)
struct EnglishFixtureTests {
    static let content = Fixtures.content("english")

    /// The words of the Danish translation that are neither English interface words nor words of the fixture's content,
    /// taken from `templates/i18n/da.yaml` itself, so that the test grows with it.
    static let danishWords: Set<String> = {
        var config = SiteConfig()
        config.language = "en"
        var diagnostics = Diagnostics()
        let english = TranslationLoader.load(config: config, templates: Fixtures.templates, content: "/nonexistent", into: &diagnostics)
        let contentText = (FileManager.default.enumerator(atPath: content)?.allObjects as? [String] ?? [])
            .compactMap { try? String(contentsOfFile: content + "/" + $0, encoding: .utf8) }.joined(separator: " ")
        return words(in: Fixtures.danish.entries.values.map(text).joined(separator: " "))
            .subtracting(words(in: english.entries.values.map(text).joined(separator: " ")))
            .subtracting(words(in: contentText))
            .filter { $0.count >= 3 }
    }()

    static func text(of entry: Translation.Entry) -> String {
        switch entry {
        case .text(let text): text
        case .list(let items): items.joined(separator: " ")
        case .plural(let one, let other): one + " " + other
        }
    }

    /// Lower-cased words, placeholders such as `{count}` left out.
    static func words(in text: String) -> Set<String> {
        let plain = text.replacingOccurrences(of: #"\{[a-z_]+\}"#, with: " ", options: .regularExpression)
        return Set(plain.lowercased().split { !$0.isLetter }.map(String.init))
    }

    /// What a reader sees or hears of a page: its text and the attributes that are read out or shown, without tags,
    /// styles, scripts or addresses.
    static func readable(_ html: String) -> String {
        var shown: [String] = []
        for attribute in ["title", "aria-label", "placeholder", "alt", "content", "xlink:title"] {
            shown += ChartPage.matches(of: "\\s\(attribute)=\"([^\"]*)\"", in: html)
        }
        let text = html
            .replacingOccurrences(of: #"<(style|script)[^>]*>.*?</\1>"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
        return (shown + [text]).joined(separator: " ").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func theDanishWordsAreTakenFromTheTranslationFile() {
        #expect(Self.danishWords.isSuperset(of: ["forside", "organer", "mødeleder", "udkast", "henvisninger"]))
    }

    @Test func anEnglishSiteWithItsOwnKindsBuildsWithNoDanishWordOnAnyPageChartPrintPageOrPDF() throws {
        let engine = try #require(PDFEngine.find(.weasyprint), "WeasyPrint must be installed (make test installs it)")
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site")
        var options = Build.Options(content: Self.content, templates: Fixtures.templates, output: output.path,
                                    today: Day(year: 2026, month: 3, day: 1), pdfEngine: engine)
        options.searchIndexer = SearchIndexer.find()
        let result = Build(options: options).run()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.sorted)")
        let files = (FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? [])
            .filter { !$0.hasPrefix("pagefind/") && ($0.hasSuffix(".html") || $0.hasSuffix(".pdf")) }
        #expect(files.count > 20)
        #expect(files.contains { $0.hasSuffix(".pdf") })
        for file in files {
            let path = output.appendingPathComponent(file).path
            let text = file.hasSuffix(".pdf") ? try Fixtures.run("pdftotext", [path, "-"]) : Self.readable(try String(contentsOfFile: path, encoding: .utf8))
            let danish = Self.words(in: text).intersection(Self.danishWords)
            #expect(danish.isEmpty, "\(file) shows Danish interface words: \(danish.sorted())")
            #expect(!Self.danishWords.contains(file.split(separator: "/").first.map(String.init) ?? ""), "\(file) has a Danish address")
            if file.hasSuffix(".html") {
                let addresses = ChartPage.matches(of: ##"\shref="([^"#]*)"##, in: try String(contentsOfFile: path, encoding: .utf8))
                let inAddresses = Self.words(in: addresses.joined(separator: " ")).intersection(Self.danishWords)
                #expect(inAddresses.isEmpty, "\(file) links to Danish addresses: \(inAddresses.sorted())")
            }
        }
        let body = try String(contentsOf: output.appendingPathComponent("wg-security/index.html"), encoding: .utf8)
        #expect(body.contains("<html lang=\"en\">"))
        #expect(body.contains("Working Group"), "the declared kind's label")
        #expect(body.contains("15 January 2026"), "dates the way English writes them")
        #expect(body.contains("Charter of the Security Working Group"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("bodies/index.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("timeline/index.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("print/terms-of-reference.pdf").path))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains(">Groups<"), "the declared plural of the type")
        #expect(home.contains("placeholder=\"Search, e.g. release\""))
        if SearchIndexer.find() != nil {  // make test installs Pagefind
            let entry = try String(contentsOf: output.appendingPathComponent("pagefind/pagefind-entry.json"), encoding: .utf8)
            #expect(entry.contains("\"languages\":{\"en\""), "Pagefind indexes and stems the site in its language: \(entry)")
        }
    }

    @Test func anUndeclaredKindIsAnErrorAtItsLineThatNamesTheDeclaredKinds() {
        let folder = Fixtures.write([
            "site.yml": "title: T\nlanguage: en\nkinds:\n  body:\n    committee: Committee\n",
            "a.md": "---\ntype: body\ntitle: A\nkind: comittee\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Build(options: .init(content: folder.path, templates: Fixtures.templates, output: folder.path + "/site", dryRun: true)).run()
        let lines = result.diagnostics.sorted.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        #expect(lines == ["a.md:4:7: error: unknown kind 'comittee' for a body (did you mean 'committee'?); use one of committee, "
                          + "or declare it under 'kinds: body:' (site.yml:4:3)"])
    }

    @Test func anIdThatIsTheFolderOfAPageInTheSitesLanguageIsAnError() {
        let folder = Fixtures.write([
            "site.yml": "title: T\nlanguage: en\n",
            "timeline.md": "---\ntype: page\ntitle: Our timeline\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Build(options: .init(content: folder.path, templates: Fixtures.templates, output: folder.path + "/site", dryRun: true)).run()
        let lines = result.diagnostics.sorted.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        #expect(lines == ["timeline.md:1:1: error: id 'timeline' is the folder of a page Charter makes itself ('path_timeline' in the "
                          + "translation); rename the file or set another 'id'"])
    }

    @Test func aTemplateKeyTheLanguageLacksIsAnErrorAtItsTag() throws {
        let folder = Fixtures.write([
            "content/site.yml": "title: T\nlanguage: en\n",
            "content/index.md": "---\ntype: page\ntitle: Home\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: templates.path)
        let page = templates.appendingPathComponent("page.mustache")
        let original = try String(contentsOf: page, encoding: .utf8)
        try ("{{! first line }}\n  {{t.no_such_key}}\n" + original).write(to: page, atomically: true, encoding: .utf8)
        let result = Build(options: .init(content: folder.path + "/content", templates: templates.path, output: folder.path + "/site",
                                          dryRun: true)).run()
        let lines = result.diagnostics.sorted.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("templates/page.mustache:2:3: error: the template uses 't.no_such_key', which the translation for 'en' lacks") == true,
                "\(lines)")
    }
}
