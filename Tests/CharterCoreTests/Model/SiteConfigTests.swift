import Foundation
import Testing
@testable import CharterCore

/// `site.yml`'s accessibility settings: the statement's address in every footer, and the strict warning of a public site.
@Suite struct SiteConfigTests {
    static let page = "---\ntype: page\ntitle: Forside\n---\nVelkommen.\n"

    static func build(_ config: String, strict: Bool = false) -> (result: Build.Result, folder: URL) {
        let folder = Fixtures.write(["content/site.yml": config, "content/index.md": page,
                                     "content/om.md": "---\ntype: page\ntitle: Om\norder: 1\n---\nOm sitet.\n"])
        var options = Build.Options(content: folder.appendingPathComponent("content").path, templates: Fixtures.templates,
                                    output: folder.appendingPathComponent("site").path, dryRun: true, today: Day(year: 2026, month: 3, day: 1))
        options.strict = strict
        return (Build(options: options).run(), folder)
    }

    static func html(_ result: Build.Result, _ path: String) -> String {
        String(decoding: result.files.first { $0.path == path }?.data ?? Data(), as: UTF8.self)
    }

    @Test func everyFooterLinksToTheAccessibilityStatementWithTheTranslatedLabel() throws {
        let (result, folder) = Self.build("title: Styring\nlanguage: da\naccessibility_statement: \"https://was.example.dk/app/a/1\"\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.sorted)")
        let pages = result.files.filter { $0.path.hasSuffix(".html") && !$0.path.hasPrefix("print/") }
        #expect(pages.count > 3)
        for page in pages {
            let html = String(decoding: page.data, as: UTF8.self)
            #expect(html.contains("<p><a href=\"https://was.example.dk/app/a/1\">Tilgængelighedserklæring</a></p>\n  </div>\n</footer>"),
                    "\(page.path) has no link to the statement in its footer")
        }
        let (english, englishFolder) = Self.build("title: Governance\nlanguage: en\naccessibility_statement: https://example.org/accessibility\n")
        defer { try? FileManager.default.removeItem(at: englishFolder) }
        #expect(Self.html(english, "index.html").contains("<a href=\"https://example.org/accessibility\">Accessibility statement</a>"))
    }

    @Test func withoutAStatementTheFooterHasNoLink() {
        let (result, folder) = Self.build("title: Styring\naccessibility_statement: \"\"\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.diagnostics.isEmpty)
        #expect(!Self.html(result, "index.html").contains("Tilgængelighedserklæring"))
    }

    @Test func aPublicSiteWithoutAStatementIsWarnedOnlyUnderStrict() {
        let config = "title: Styring\npublic_sector: true\naccessibility_statement: \"\"\n"
        let (plain, plainFolder) = Self.build(config)
        defer { try? FileManager.default.removeItem(at: plainFolder) }
        #expect(plain.diagnostics.isEmpty, "plain check stays clean: \(plain.diagnostics.sorted)")
        let (strict, strictFolder) = Self.build(config, strict: true)
        defer { try? FileManager.default.removeItem(at: strictFolder) }
        let lines = strict.diagnostics.sorted.map(\.description)
        #expect(lines.count == 1)
        #expect(lines.first?.hasSuffix("site.yml:2:16: warning: the site declares itself public ('public_sector: true') but links to no "
                                       + "accessibility statement; add its address as 'accessibility_statement: https://…'") == true, "\(lines)")
        #expect(!strict.diagnostics.hasErrors, "a strict warning does not fail the check")
        // With the address, strict is clean too; a site that is not public is never warned.
        let (given, givenFolder) = Self.build("public_sector: true\naccessibility_statement: https://example.org/a11y\n", strict: true)
        defer { try? FileManager.default.removeItem(at: givenFolder) }
        #expect(given.diagnostics.isEmpty)
        let (private_, privateFolder) = Self.build("title: Styring\n", strict: true)
        defer { try? FileManager.default.removeItem(at: privateFolder) }
        #expect(private_.diagnostics.isEmpty)
    }

    @Test func badAccessibilitySettingsAreErrorsAtTheirLine() {
        let index = ["index.md": Self.page]
        #expect(Fixtures.diagnose(index, config: "title: X\npublic_sector: maybe\n")
                == ["site.yml:2:16: error: 'public_sector' must be true or false, not 'maybe'"])
        #expect(Fixtures.diagnose(index, config: "title: X\naccessibility_statement: javascript:alert(1)\n")
                == ["site.yml:2:26: error: 'accessibility_statement' must be the statement's address as an absolute http(s) URL, "
                    + "not 'javascript:alert(1)'"])
        #expect(Fixtures.diagnose(index, config: "accessibility_statement: /tilgaengelighed\n").first?
                    .hasPrefix("site.yml:1:26: error: 'accessibility_statement' must be") == true)
        let list = Fixtures.diagnose(index, config: "title: X\n\naccessibility_statement: [a, b]\n")
        #expect(list.count == 1 && list[0].hasPrefix("site.yml:3:26: error:"), "\(list)")
        #expect(Fixtures.diagnose(index, config: "accesibility_statement: https://example.org\n").first?
                    .contains("did you mean 'accessibility_statement'") == true)
    }
}
