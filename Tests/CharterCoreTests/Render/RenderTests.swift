import Testing
@testable import CharterCore

struct DayTests {
    @Test func isoDatesAreShownTheWayTheLanguageWritesThem() throws {
        let danish = Translation(language: "da", entries: [
            "date_format": .text("{day}. {month} {year}"),
            "months": .list(["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
                             "november", "december"]),
        ])
        let english = Translation(language: "en", entries: [
            "date_format": .text("{day} {month} {year}"),
            "months": .list(["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                             "November", "December"]),
        ])
        #expect(danish.date(try #require(Day(iso: "2026-01-01"))) == "1. januar 2026")
        #expect(danish.date(try #require(Day(iso: "2026-03-01"))) == "1. marts 2026")
        #expect(english.date(try #require(Day(iso: "2025-11-21"))) == "21 November 2025")
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "26-01-01", "2026-1-1", "i morgen"])
    func invalidDatesAreRejected(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func wrongDateInFrontMatterIsReportedAtTheValue() {
        let lines = Fixtures.diagnose(["a.md": "---\ntype: page\ntitle: A\nupdated: 2026-02-30\n---\n"])
        #expect(lines == ["a.md:4:10: error: 'updated' must be a date written YYYY-MM-DD, not '2026-02-30'"])
    }
}

struct MarkdownHTMLTests {
    func render(_ markdown: String, raw: Bool = false) -> String {
        MarkdownHTML(allowRawHTML: raw, href: { $0 }).render(CommonMark.parse(markdown))
    }

    @Test func textIsEscaped() {
        #expect(render("a < b & \"c\"") == "<p>a &lt; b &amp; &quot;c&quot;</p>\n")
    }

    @Test func rawHTMLIsLeftOutUnlessAllowed() {
        #expect(render("x <script>alert(1)</script> y") == "<p>x alert(1) y</p>\n")
        #expect(render("<div>\nhi\n</div>\n") == "")
        #expect(render("x <b>y</b>", raw: true) == "<p>x <b>y</b></p>\n")
    }

    @Test func linkWithoutTargetRendersAsText() {
        let html = MarkdownHTML(href: { _ in nil }).render(CommonMark.parse("[Klik](javascript:alert(1))"))
        #expect(html == "<p>Klik</p>\n")
    }

    @Test func headingsGetTheGivenIdsAndShift() {
        let html = MarkdownHTML(headingIDs: ["a", "b"], headingShift: 1, href: { $0 }).render(CommonMark.parse("# X\n## Y\n"))
        #expect(html == "<h2 id=\"a\">X</h2>\n<h3 id=\"b\">Y</h3>\n")
    }

    @Test func listsCodeAndQuotesRender() {
        #expect(render("- a\n- b\n") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")
        #expect(render("3. c\n") == "<ol start=\"3\">\n<li>c</li>\n</ol>\n")
        #expect(render("```swift\nlet x = 1 < 2\n```\n") == "<pre><code class=\"language-swift\">let x = 1 &lt; 2\n</code></pre>\n")
        #expect(render("> q\n") == "<blockquote>\n<p>q</p>\n</blockquote>\n")
    }
}

struct RoutesTests {
    @Test func linksAreRelativeToThePage() {
        let routes = Routes(cleanURLs: false, paths: SitePaths(Fixtures.danish))
        #expect(routes.href(from: "index.html", to: "forum/index.html") == "forum/index.html")
        #expect(routes.href(from: "a/index.html", to: "forum/index.html", anchor: "opgaver") == "../forum/index.html#opgaver")
        #expect(routes.href(from: "a/index.html", to: "index.html") == "../index.html")
    }

    @Test func cleanURLsDropIndexHTML() {
        let routes = Routes(cleanURLs: true, paths: SitePaths(Fixtures.danish))
        #expect(routes.href(from: "a/index.html", to: "forum/index.html") == "../forum/")
        #expect(routes.href(from: "index.html", to: "index.html") == "./")
    }
}

struct LinkSchemeTests {
    @Test(arguments: ["javascript:alert(1)", "JavaScript:alert(1)", " java\tscript:x", "data:text/html,x", "vbscript:x"])
    func unsafeSchemesAreErrors(_ destination: String) {
        let lines = Fixtures.diagnose(["a.md": "---\ntype: page\ntitle: A\n---\n[x](<\(destination)>)\n"])
        #expect(lines.count == 1 && lines[0].contains("error: unsafe link"), "\(lines)")
    }

    @Test func webAndMailLinksPass() {
        let lines = Fixtures.diagnose(["a.md": "---\ntype: page\ntitle: A\n---\n[x](https://x.dk) [y](mailto:a@b.dk) [z](#)\n"])
        #expect(lines.isEmpty, "\(lines)")
    }
}

struct TranslationFillTests {
    @Test func placeholdersAreFilledOnceAndUnknownOnesKept() {
        #expect(Translation.fill("{title} reports to {superior}.", ["title": "A {superior}", "superior": "B"]) == "A {superior} reports to B.")
        #expect(Translation.fill("Page {page} of {pages} {", ["page": "1"]) == "Page 1 of {pages} {")
        #expect(Translation.fill("Ingen pladsholdere æøå", ["x": "y"]) == "Ingen pladsholdere æøå")
    }

    @Test func htmlTextsAreEscapedAndTheirPlaceholdersTakeHTML() {
        let translation = Translation(language: "en", entries: ["built_with": .text("Built {date} with <Charter> & co.")])
        #expect(translation.formatHTML(.builtWith, ["date": "<time>1 May</time>"]) == "Built <time>1 May</time> with &lt;Charter&gt; &amp; co.")
    }
}
