import Foundation
import Testing
@testable import CharterPreview

/// Starts the preview in the test process on a free loopback port and talks to it over HTTP, as a browser would.
struct PreviewServerTests {
    @Test func pagesAndAssetsAreServedWithTheirTypesAndNoCacheHeaders() async throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        try await workspace.withPreview { preview in
            let home = try await preview.get("/")
            #expect(home.status == 200)
            #expect(home.header("Content-Type") == "text/html; charset=utf-8")
            #expect(home.header("Cache-Control") == "no-cache")
            #expect(home.text.contains("<title>Testkommunens styring</title>"))

            let css = try await preview.get("/assets/style.css")
            #expect(css.status == 200 && css.header("Content-Type") == "text/css; charset=utf-8")
            let sitemap = try await preview.get("/sitemap.xml")
            #expect(sitemap.status == 200 && sitemap.header("Content-Type") == "application/xml")

            let folder = try await preview.get("/forum")
            #expect(folder.status == 301 && folder.header("Location") == "/forum/")
            let page = try await preview.get("/forum/")
            #expect(page.status == 200 && page.text.contains("Forum for ældre og sundhed"))
            #expect(try await preview.get("/forum/index.html").body == page.body)

            let head = try await preview.get("/forum/", method: "HEAD")
            #expect(head.status == 200 && head.body.isEmpty && head.header("Content-Length") == String(page.body.count))
            let again = try await preview.get("/forum/", headers: ["If-None-Match": page.header("ETag") ?? "-"])
            #expect(again.status == 304)
            #expect(try await preview.get("/forum/", method: "POST").status == 405)
        }
    }

    @Test func aMissingPageGetsTheSitesOwn404PageWithStatus404() async throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        try await workspace.withPreview { preview in
            let missing = try await preview.get("/organer/findes-ikke/")
            #expect(missing.status == 404)
            #expect(missing.text.contains("Siden findes ikke"))
            #expect(missing.text.contains("<base href=\"/\">"), "its relative links resolve from the root wherever it is served")
            #expect(missing.text.contains("charter-live-reload"))
        }
    }

    @Test func theReloadScriptIsAddedToServedPagesButNeverWrittenToTheSite() async throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        try await workspace.withPreview { preview in
            let served = try await preview.get("/forum/").text
            let script = try #require(served.range(of: "<script id=\"charter-live-reload\">"))
            #expect(served[script.lowerBound...].contains("</script>\n</body>"))
            #expect(workspace.filesOnDisk() == workspace.fullBuild(), "the output folder holds exactly what charter build makes")
            #expect(!workspace.filesOnDisk().values.contains { String(decoding: $0, as: UTF8.self).contains("charter-live-reload") })
        }
    }

    @Test func aContentChangeShowsInTheNextRequestAndFiresAReloadEvent() async throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        try await workspace.withPreview { preview in
            let events = try await preview.events()
            #expect(events.initial == (await preview.preview.generation))
            try workspace.edit("content/organer/forum.md", replacing: "Forummet er et udkast.", with: "Forummet er et nyt udkast.")
            let generation = try await events.next()
            #expect(generation != events.initial)
            let page = try await preview.get("/forum/").text
            #expect(page.contains("Forummet er et nyt udkast."))
            #expect(page.contains("var generation = \"\(generation)\""))
            #expect(!page.contains("charter-overlay"))
        }
    }

    @Test func aBuildErrorShowsTheOverlayOnEveryPageAndKeepsTheLastGoodSite() async throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        try await workspace.withPreview { preview in
            let events = try await preview.events()
            let before = try await preview.get("/forum/").text
            try workspace.edit("content/organer/forum.md", replacing: "Forummet er et udkast.",
                               with: "Forummet er et udkast. Se <b>[dette](findes-ikke.md)</b>.")
            _ = try await events.next()

            let page = try await preview.get("/forum/").text
            let overlay = try #require(page.range(of: "<div id=\"charter-overlay\""))
            #expect(page[..<overlay.lowerBound] == before[..<(before.range(of: "<script id=\"charter-live-reload\">")!.lowerBound)],
                    "the last good page stays served")
            let errorLine = "<code>\(workspace.content)/organer/forum.md:27:30</code>: <strong>error:</strong> broken link &#39;findes-ikke.md&#39;"
            #expect(page.contains(errorLine), "the overlay gives file, line, column and message, escaped")
            #expect(try await preview.get("/").text.contains("id=\"charter-overlay\""))
            #expect(try await preview.get("/nothing-here").text.contains("id=\"charter-overlay\""))

            try workspace.edit("content/organer/forum.md", replacing: " Se <b>[dette](findes-ikke.md)</b>.", with: "")
            _ = try await events.next()
            #expect(!(try await preview.get("/forum/").text.contains("charter-overlay")), "the overlay goes when the error is fixed")
        }
    }

    @Test func requestsOutsideTheOutputFolderAreRefused() async throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let outside = workspace.path("outside")
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try workspace.write("outside/secret.txt", "SECRET")
        try await workspace.withPreview { preview in
            try FileManager.default.createSymbolicLink(atPath: workspace.output + "/leak", withDestinationPath: outside)
            try FileManager.default.createSymbolicLink(atPath: workspace.output + "/leak.txt", withDestinationPath: outside + "/secret.txt")
            try FileManager.default.createSymbolicLink(atPath: workspace.output + "/same", withDestinationPath: workspace.output + "/forum")
            let attempts = [
                "/../outside/secret.txt", "/forum/../../outside/secret.txt", "/%2e%2e/outside/secret.txt", "/%2E%2E%2Foutside%2Fsecret.txt",
                "/forum/%2e%2e/%2e%2e/outside/secret.txt", "/..%5coutside%5csecret.txt", "/leak/secret.txt", "/leak.txt",
                "/leak/", "/x%00.html", "\(workspace.path("outside/secret.txt"))", "//\(workspace.path("outside/secret.txt"))",
                "http://127.0.0.1:\(preview.port)/../outside/secret.txt",
            ]
            for target in attempts {
                let response = try await preview.get(target)
                #expect([400, 403, 404].contains(response.status), "\(target) → \(response.status)")
                #expect(!response.text.contains("SECRET"), "\(target)")
            }
            #expect(try await preview.get("/leak.txt").status == 403)
            #expect(try await preview.get("/same/").status == 200, "a link that stays inside the folder is served")
        }
    }
}
