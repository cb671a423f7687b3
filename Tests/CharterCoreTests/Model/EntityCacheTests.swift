import Testing
@testable import CharterCore

struct EntityCacheTests {
    func tree(_ texts: [String: String]) -> ContentTree {
        ContentTree(files: texts.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, relativePath: $0.key, text: $0.value) })
    }

    @Test func aCachedBuildEqualsAFreshOneAndKeepsDiagnosticsOfUnchangedFiles() {
        let cache = EntityCache()
        let first = tree(["a.md": "---\ntype: page\ntitle: A\nsumary: x\n---\n[B](b.md)\n", "b.md": "---\ntype: page\ntitle: B\n---\n"])
        var diagnostics = Diagnostics()
        _ = SiteBuilder.build(first, cache: cache, into: &diagnostics)
        #expect(diagnostics.sorted.map(\.description) == ["a.md:4:1: error: unknown field 'sumary' on a page (did you mean 'summary'?)"])

        let second = tree(["a.md": "---\ntype: page\ntitle: A\nsumary: x\n---\n[B](b.md)\n", "b.md": "---\ntype: page\ntitle: B2\n---\n"])
        var cached = Diagnostics()
        let site = SiteBuilder.build(second, cache: cache, into: &cached)
        var fresh = Diagnostics()
        let freshSite = SiteBuilder.build(second, into: &fresh)
        #expect(cached.sorted == fresh.sorted, "the unchanged file's error is reported again")
        #expect(site["b"]?.title == "B2")
        #expect(site.entities.map(\.id) == freshSite.entities.map(\.id))
        #expect(site.backlinks == freshSite.backlinks)
    }

    @Test func removedFilesAreForgotten() {
        let cache = EntityCache()
        var diagnostics = Diagnostics()
        _ = SiteBuilder.build(tree(["a.md": "---\ntype: page\ntitle: A\n---\n", "b.md": "---\ntype: page\ntitle: B\n---\n"]), cache: cache, into: &diagnostics)
        #expect(cache.count == 2)
        _ = SiteBuilder.build(tree(["a.md": "---\ntype: page\ntitle: A\n---\n"]), cache: cache, into: &diagnostics)
        #expect(cache.count == 1)
    }
}
