import Foundation
import Testing
@testable import CharterCore

/// The pages that help a reader find their way: the timeline, the search page, the grouped navigation, the home page.
/// Most read the good fixture's shared build (`GoodFixture`).
@Suite(.serialized)
struct NavigationPagesTests {
    let result = GoodFixture.result

    func page(_ path: String) throws -> String {
        try GoodFixture.page(path)
    }

    @Test func timelineListsEveryDatedEventByYearWithDanishDatesAndUndatedLast() throws {
        let timeline = try page("tidslinje/index.html")
        let order = ["<h2 id=\"aar-2025\">2025</h2>", "<time datetime=\"2025-01-01\">1. januar 2025</time>",
                     "<time datetime=\"2025-12-31\">31. december 2025</time>", "<h2 id=\"aar-2026\">2026</h2>",
                     "<time datetime=\"2026-01-01\">1. januar 2026</time>", "<time datetime=\"2026-03-01\">1. marts 2026</time>",
                     "Årsskiftet 2026/2027", "<h2 id=\"uden-fast-dato\">Uden fast dato</h2>", "Ved udgangen af projektperioden"]
        let positions = order.map { timeline.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil), "\(zip(order, positions).filter { $0.1 == nil }.map(\.0))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(timeline.contains("<span class=\"event-what\">Etableres:</span> <a href=\"../forum/index.html\""))
        #expect(timeline.contains("<span class=\"event-what\">Skal være i drift:</span> <a href=\"../tryg-hjem/index.html\""))
    }

    static let danishMonths = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
                               "november", "december"]

    @Test func englishDatesGivenAsTextArePlacedAtTheirDate() {
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                      "november", "december"]
        #expect(Timeline.when(inText: "By 1 March 2026, at the merger", months: months) == .day(Day(year: 2026, month: 3, day: 1)))
    }

    @Test(arguments: [
        ("Senest 1. marts 2026, ved sammenlægningen", Timeline.When.day(Day(year: 2026, month: 3, day: 1))),
        ("Årsskiftet 2026/2027", .year(2026)),
        ("I løbet af 2026", .year(2026)),
        ("Ved dannelsen af Region Østdanmark", .undated),
        ("31. februar 2026", .year(2026)),
    ])
    func datesGivenAsTextArePlacedAtTheirDateOrYear(_ text: String, _ when: Timeline.When) {
        #expect(Timeline.when(inText: text, months: Self.danishMonths) == when)
    }

    @Test func searchPageListsEveryEntityByTypeWithoutJavaScript() throws {
        let search = try page("soeg/index.html")
        for entity in try #require(result.site).entities where entity.id != "index" {
            #expect(search.contains("href=\"../\(entity.id)/index.html\""), "\(entity.id)")
        }
        #expect(search.contains("<form class=\"search-form\" role=\"search\" action=\"index.html\" method=\"get\" data-search>"),
                "no index without Pagefind: the page is the list")
        #expect(try page("index.html").contains("<form class=\"site-search\" role=\"search\" action=\"soeg/index.html\" method=\"get\">"))
    }

    @Test func freePagesAreGroupedUnderOneMenuEntryAndTheCurrentPageIsMarked() throws {
        let html = try page("baggrund/index.html")
        let menu = try #require(html.range(of: "<ul class=\"menu-items\" id=\"menu\" popover>").map { html[$0.upperBound...] })
        let entries = menu.prefix { _ in true }.components(separatedBy: "</ul>\n")[0]
        #expect(entries.contains("<li class=\"current\"><details class=\"nav-group\"><summary>Sider</summary>"))
        #expect(entries.contains("<a href=\"../baggrund/index.html\" aria-current=\"page\">Baggrund</a>"))
        #expect(entries.contains("<a href=\"../tidslinje/index.html\">Tidslinje</a>"))
        #expect(html.contains("<li><a href=\"../sider/index.html\">Sider</a></li>"), "breadcrumbs go through the list of pages")
        #expect(html.contains("rel=\"next\""))
    }

    @Test func freePagesLeftOutOfTheMenuMarkTheirGroupAndNothingElse() throws {
        let content = Fixtures.write([
            "listed.md": "---\ntype: page\ntitle: Listed\norder: 1\n---\n",
            "first.md": "---\ntype: page\ntitle: First\n---\n",
            "second.md": "---\ntype: page\ntitle: Second\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: content) }
        let output = Fixtures.temporaryFolder().appendingPathComponent("site")
        _ = Fixtures.build(content.path, output: output.path)
        func menu(_ path: String) throws -> String {
            let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            let menu = try #require(html.range(of: "<ul class=\"menu-items\" id=\"menu\" popover>").map { html[$0.upperBound...] })
            return String(menu[..<(menu.range(of: "</nav>")?.lowerBound ?? menu.endIndex)])
        }
        for path in ["first/index.html", "second/index.html"] {
            let entries = try menu(path)
            #expect(entries.contains("<li class=\"current\"><details class=\"nav-group\"><summary>Sider</summary>"), "\(path)")
            #expect(!entries.contains("aria-current"), "\(path)")
        }
        #expect(try menu("listed/index.html").contains("<a href=\"../listed/index.html\" aria-current=\"page\">Listed</a>"))
    }

    @Test func homePageShowsTheChartWhatIsComingAndCounts() throws {
        let home = try page("index.html")
        #expect(home.contains("<div class=\"chart-thumb\"><svg"))
        #expect(home.contains("<h2 id=\"home-kommende\">Det sker</h2>"))
        #expect(home.contains("<time datetime=\"2026-03-01\">1. marts 2026</time>"), "events from the build date on")
        #expect(!home.contains("<time datetime=\"2026-01-01\">1. januar 2026</time> <span"), "past events are not coming")
        #expect(home.contains("class=\"stat-count\""))
    }

    @Test func everyPageSaysWhenItLastChanged() throws {
        #expect(try page("styregruppe/index.html").contains("Senest ændret <time datetime=\"2026-02-01\">1. februar 2026</time> · Bygget"))
        #expect(try page("organer/index.html").contains("Senest ændret <time datetime="))
    }

    @Test func searchIndexIdIsReserved() {
        let lines = Fixtures.diagnose(["pagefind.md": "---\ntype: page\ntitle: A\n---\n"])
        #expect(lines.count == 1 && lines[0].contains("reserved"), "\(lines)")
    }
}

/// The search index is written into the staging folder before the swap: a failing indexer publishes nothing.
@Suite(.serialized)
struct SearchIndexBuildTests {
    func build(with indexer: SearchIndexer, into output: URL) -> Build.Result {
        var options = Build.Options(content: Fixtures.content("good"), templates: Fixtures.templates, output: output.path,
                                    today: Day(year: 2026, month: 3, day: 1))
        options.searchIndexer = indexer
        return Build(options: options).run()
    }

    @Test func indexIsMadeBeforeTheSwapAndTheSearchPageUsesIt() throws {
        let output = Fixtures.temporaryFolder().appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        // Stands in for Pagefind: called with --site <staging> …, writes the bundle there.
        let fake = SearchIndexer(command: ["/bin/sh", "-c", "mkdir \"$2/pagefind\" && echo x > \"$2/pagefind/pagefind.js\"", "sh"])
        let result = build(with: fake, into: output)
        #expect(result.wrote, "\(result.diagnostics.sorted)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("pagefind/pagefind.js").path))
        let search = try String(contentsOf: output.appendingPathComponent("soeg/index.html"), encoding: .utf8)
        #expect(search.contains("data-index=\"../pagefind/\""))
    }

    @Test func failedIndexLeavesThePreviousSiteInPlace() throws {
        let output = Fixtures.temporaryFolder().appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("index.html"))
        let result = build(with: SearchIndexer(command: ["/bin/sh", "-c", "echo broken index >&2; exit 3", "sh"]), into: output)
        #expect(!result.wrote)
        #expect(result.diagnostics.sorted.contains { $0.message.contains("search index failed: pagefind exited with 3: broken index") })
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "old")
    }
}
