import CharterCore
import Foundation
import Testing
@testable import CharterPreview

struct PageDecorationTests {
    func decorate(_ html: String, failure: [Diagnostic] = [], baseIsRoot: Bool = false) -> String {
        String(decoding: PageDecoration(generation: "ab-3", failure: failure, baseIsRoot: baseIsRoot).apply(to: Data(html.utf8)), as: UTF8.self)
    }

    @Test func theScriptGoesBeforeTheLastClosingBodyTag() {
        let page = decorate("<html><body><p>&lt;/body&gt;</p></BODY></html>")
        #expect(page.hasPrefix("<html><body><p>&lt;/body&gt;</p><script id=\"charter-live-reload\">"))
        #expect(page.hasSuffix("</script>\n</BODY></html>"))
        #expect(page.contains("var generation = \"ab-3\";"))
        #expect(!page.contains("charter-overlay"))
    }

    @Test func aPageWithoutBodyGetsTheScriptAtTheEnd() {
        #expect(decorate("<p>fragment</p>").hasSuffix("</script>\n"))
    }

    @Test func theOverlayListsDiagnosticsWithTheirPlaceEscaped() {
        let failure = [Diagnostic.error("unknown reference '<script>'", at: SourceLocation(path: "content/a&b.md", line: 4, column: 9))]
        let page = decorate("<body></body>", failure: failure)
        #expect(page.contains("<code>content/a&amp;b.md:4:9</code>: <strong>error:</strong> unknown reference &#39;&lt;script&gt;&#39;"))
        #expect(page.contains("(1 error)"))
    }

    @Test func theNotFoundPageResolvesItsLinksFromTheRoot() {
        #expect(decorate("<html><HEAD><title>x</title></head><body></body>", baseIsRoot: true).hasPrefix("<html><HEAD>\n<base href=\"/\"><title>"))
    }
}
