import Foundation
import Testing
@testable import CharterCore

/// The folders of the pages the site makes itself, named by the translation (`path_search: soeg`).
struct SitePathsTests {
    @Test func aFolderNameWithASlashIsReportedAtTheContentsSiteYmlEvenWithoutOne() {
        let folder = Fixtures.write([
            "a.md": "---\ntype: page\ntitle: A\n---\n",
            "i18n/da.yaml": "path_search: \"a/b\"\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Fixtures.build(folder.path, output: folder.appendingPathComponent("out").path, dryRun: true)
        #expect(result.diagnostics.sorted.map(\.description)
                == ["\(folder.path)/site.yml:1:1: error: 'path_search' must be a folder name without '/', not 'a/b'"])
    }
}
