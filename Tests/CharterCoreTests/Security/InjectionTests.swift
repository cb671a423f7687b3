import Foundation
import Testing
@testable import CharterCore

/// Hostile content in every place it can stand never reaches the output as executable markup.
struct InjectionTests {
    static let payload = #"<script>alert(1)</script><img src=x onerror=alert(2)>"'&"#

    static let files: [String: String] = [
        "site.yml": """
        title: "Site \(payload.replacingOccurrences(of: "\"", with: "\\\""))"
        organisation: "<svg onload=alert(3)>"
        description: "</title><script>alert(4)</script>"
        """,
        "a.md": """
        ---
        type: body
        title: "Forum \(payload.replacingOccurrences(of: "\"", with: "\\\""))"
        short: "<b onmouseover=alert(5)>"
        summary: "\\" onmouseover=\\"alert(6)"
        kind: forum
        meets: "<iframe src=javascript:alert(7)>"
        ends: "<script>alert(8)</script>"
        members:
          - ref: b
            as: "<script>alert(9)</script>"
        terms:
          title: "<script>alert(10)</script>"
          purpose: "Formål <script>alert(11)</script> [x](javascript:alert(12))"
          tasks:
            - "<img src=x onerror=alert(13)>"
            - "[klik](JaVaScRiPt:alert(14))"
        ---
        Tekst <script>alert(15)</script> og <a href="javascript:alert(16)">link</a>.

        [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxNyk8L3NjcmlwdD4=) [tab](java\tscript:alert(18))
        ![billede](javascript:alert(19))

        <div onclick="alert(20)">blok</div>

        ## <script>alert(21)</script> Overskrift
        """,
        "b.md": """
        ---
        type: unit
        title: "B'\\"><script>alert(22)</script>"
        sites: ["<script>alert(23)</script>"]
        ---
        """,
    ]

    func buildHostileSite() throws -> (Build.Result, [String: String]) {
        let folder = Fixtures.write(Self.files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Fixtures.build(folder.path, output: folder.appendingPathComponent("out").path, dryRun: true)
        var pages: [String: String] = [:]
        for file in result.files where file.path.hasSuffix(".html") || file.path.hasSuffix(".xml") {
            pages[file.path] = String(decoding: file.data, as: UTF8.self)
        }
        return (result, pages)
    }

    @Test func unsafeLinksAreErrorsAndRawHTMLIsLeftOutWithWarnings() throws {
        let folder = Fixtures.write(Self.files)
        defer { try? FileManager.default.removeItem(at: folder) }
        var diagnostics = Diagnostics()
        let tree = ContentTree.load(from: folder.path, into: &diagnostics)
        _ = SiteBuilder.build(tree, into: &diagnostics)
        let errors = diagnostics.sorted.filter { $0.severity == .error }.map(\.message)
        #expect(errors.filter { $0.hasPrefix("unsafe link") }.count == 4, "\(errors)")  // the tab one is not a link for CommonMark
        #expect(diagnostics.sorted.contains { $0.severity == .warning && $0.message.hasPrefix("raw HTML left out") })
    }

    @Test func noExecutableMarkupReachesAnyPage() throws {
        // Render in spite of the link errors, as a preview would, to prove the renderer itself is safe.
        let folder = Fixtures.write(Self.files)
        defer { try? FileManager.default.removeItem(at: folder) }
        var diagnostics = Diagnostics()
        let tree = ContentTree.load(from: folder.path, into: &diagnostics)
        let site = SiteBuilder.build(tree, into: &diagnostics)
        let templates = try #require(TemplateSet.load(from: Fixtures.templates, into: &diagnostics))
        let files = Pipeline().render(site, templates: templates, buildDate: Day(year: 2026, month: 1, day: 1), into: &diagnostics)
        let pages = files.filter { $0.path.hasSuffix(".html") }.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) }
        #expect(pages.count > 5)
        for (path, html) in pages {
            for problem in ExecutableMarkup.find(in: html) {
                Issue.record("\(path): \(problem)")
            }
            // The JSON-LD block ends only at its own closing tag: nothing in it can close it early.
            for block in html.components(separatedBy: #"<script type="application/ld+json">"#).dropFirst() {
                let inside = block.components(separatedBy: "</script>")[0]
                #expect(!inside.contains("<") && !inside.contains(">"), "\(path): markup inside the JSON-LD")
            }
        }
        let forum = try #require(pages.first { $0.0 == "a/index.html" }?.1)
        #expect(forum.contains("Forum &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(forum.contains("<h2 id=\"alert21-overskrift\">alert(21) Overskrift</h2>"), "raw HTML in a heading is dropped, its id stays a slug")
    }

    /// The fuzzer's check (`ExecutableMarkup`, shared with these tests) finds what it must and passes what it must.
    @Test func theCheckerFindsRealInjections() {
        for html in ExecutableMarkup.executableExamples {
            #expect(ExecutableMarkup.find(in: html).count == 1, "\(html)")
        }
        for html in ExecutableMarkup.harmlessExamples {
            #expect(ExecutableMarkup.find(in: html).isEmpty, "\(html)")
        }
        #expect(ExecutableMarkup.find(in: "<a href=\"java&#x09;script:x\">") == ["<a href=\"java&#x09;script:x\">"])
        let own = "<script src=\"https://x.dk/a/assets/site.js\" defer>"
        #expect(ExecutableMarkup.find(in: own, baseURL: "https://x.dk/a/").isEmpty)
        #expect(ExecutableMarkup.find(in: own, baseURL: "https://x.dk/").count == 1)
        #expect(ExecutableMarkup.find(in: own).count == 1)
    }
}
