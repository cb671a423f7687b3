import Foundation
import Testing
@testable import CharterCore

/// Checks the good fixture site page by page, on the one build all its tests share (`GoodFixture`).
struct GoodFixtureTests {
    let result = GoodFixture.result

    func page(_ path: String) throws -> String {
        try GoodFixture.page(path)
    }

    @Test func goodFixtureBuildsWithoutDiagnostics() {
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.sorted)")
        #expect(result.wrote)
    }

    @Test func everyEntityListAndSpecialPageIsWrittenWithCleanURLs() {
        let expected = ["index.html", "404.html", "sitemap.xml", "assets/style.css",
                        "styregruppe/index.html", "forum/index.html", "gammelt-udvalg/index.html", "kommune/index.html",
                        "stab/index.html", "plejecenter/index.html", "direktoer/index.html", "chefsygeplejerske/index.html",
                        "anne-jensen/index.html", "tryg-hjem/index.html", "baggrund/index.html", "tidsplan/index.html",
                        "organer/index.html", "enheder/index.html", "roller/index.html", "personer/index.html",
                        "projekter/index.html", "sider/index.html"]
        for path in expected {
            #expect(GoodFixture.files[path] != nil, "\(path)")
        }
    }

    @Test func markdownLinksToContentFilesBecomeRelativeLinksWithAnchors() throws {
        let home = try page("index.html")
        #expect(home.contains("<a href=\"styregruppe/index.html\">Styregruppen</a>"))
        #expect(home.contains("<a href=\"forum/index.html#kommissorium\">Forummet</a>"))
        let forum = try page("forum/index.html")
        #expect(forum.contains("href=\"../assets/style.css\""))
        #expect(forum.contains("<a href=\"../tryg-hjem/index.html\">Projekt Tryg hjem</a>"))
    }

    @Test func headingsGetStableIdsWithDanishLettersFolded() throws {
        let body = try page("styregruppe/index.html")
        #expect(body.contains("<h2 id=\"ansvar-og-opgaver\">Ansvar og opgaver</h2>"))
        #expect(body.contains("<a href=\"#ansvar-og-opgaver\">Ansvar og opgaver</a>") == false)  // one heading: no table of contents
        let forum = try page("forum/index.html")
        #expect(forum.contains("<h2 id=\"baggrund\">Baggrund</h2>"))
        #expect(forum.contains("<a href=\"#baggrund\">Baggrund</a>"))
        #expect(forum.contains("<a href=\"#kommissorium\">Kommissorium</a>"))
    }

    @Test func termsOfReferenceAreGeneratedFromTheModel() throws {
        let forum = try page("forum/index.html")
        #expect(forum.contains("<h2 id=\"kommissorium\">Kommissorium for Forum for ældre og sundhed</h2>"))
        #expect(forum.contains("<h3 id=\"sammensaetning\">Sammensætning</h3>"))
        #expect(forum.contains("<h3 id=\"moedefrekvens\">Mødefrekvens</h3><p>Fire gange årligt</p>"))
        #expect(forum.contains("Organet refererer til <a href=\"../styregruppe/index.html\""))
        #expect(forum.contains("<h3 id=\"varighed\">Varighed</h3><p>Fra 1. januar 2026 til Ved udgangen af projektperioden</p>"))
        #expect(forum.contains("class=\"draft-note\""))
    }

    @Test func personPageListsEveryBodyTheySitInThroughTheirRoles() throws {
        let person = try page("anne-jensen/index.html")
        #expect(person.contains("Forum for ældre og sundhed</a> <span class=\"badge status-draft\">Udkast</span> – Mødeleder, som "
                                + "<a href=\"../direktoer/index.html\">direktør for Sundhed</a>"))
        // The director chairs the steering group and is listed among its members: one line, both capacities.
        #expect(person.contains("Styregruppen for ældreområdet</a> – Mødeleder, medlem, som"))
    }

    @Test func backlinksShowWhatRefersToAPage() throws {
        let plejecenter = try page("plejecenter/index.html")
        #expect(plejecenter.contains("<h2 id=\"henvisninger\">Henvisninger hertil</h2>"))
        #expect(plejecenter.contains("Forum for ældre og sundhed</a> <span class=\"badge status-draft\">Udkast</span> <span class=\"muted\">Organ · medlem</span>"))
        #expect(plejecenter.contains("Projekt Tryg hjem</a> <span class=\"badge status-planned\">Planlagt</span> <span class=\"muted\">Projekt · deltagende enhed</span>"))
    }

    @Test func datesAreWrittenInDanishAndLangComesFromConfig() throws {
        let body = try page("styregruppe/index.html")
        #expect(body.contains("<html lang=\"da\">"))
        #expect(body.contains("<dt>Etableret</dt><dd>1. januar 2025</dd>"))
        #expect(body.contains("<time datetime=\"2026-03-01\">1. marts 2026</time>"))
    }

    @Test func sitemapListsAbsoluteURLsFromTheBaseURL() throws {
        let sitemap = try page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://intra.example.org/styring/forum/</loc>"))
        #expect(sitemap.contains("<loc>https://intra.example.org/styring/styregruppe/</loc><lastmod>2026-02-01</lastmod>"))
    }

    @Test func noPageHoldsExecutableMarkupButTheThemesScriptAndItsJSONLD() throws {
        var withData = 0
        for file in result.files where file.path.hasSuffix(".html") {
            let problems = ExecutableMarkup.find(in: file.data, baseURL: "https://intra.example.org/styring/")
            #expect(problems.isEmpty, "\(file.path): \(problems)")
            // The page's JSON-LD, a data block with no markup in it.
            let html = String(decoding: file.data, as: UTF8.self)
            let blocks = html.components(separatedBy: #"<script type="application/ld+json">"#).dropFirst()
            if !blocks.isEmpty { withData += 1 }
            for block in blocks {
                #expect(!block.components(separatedBy: "</script>")[0].contains { $0 == "<" || $0 == ">" }, "\(file.path)")
            }
        }
        #expect(withData > 5, "every body, unit, role, person and project page has its JSON-LD")
    }
}
