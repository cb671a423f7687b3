import Foundation
import Testing
@testable import CharterPreview

/// How request paths map onto the output folder, without a server.
final class SitePathTests {
    let base: String
    let root: String
    let outside: String

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("charter-sitepath-\(UUID().uuidString)").path
        root = base + "/site"
        outside = base + "/outside"
        for folder in [root + "/forum", root + "/tom", outside] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        for file in [root + "/index.html", root + "/forum/index.html", root + "/æble og pære.css", outside + "/secret.txt"] {
            _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/out", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: root + "/dangling", withDestinationPath: outside + "/gone")
        try FileManager.default.createSymbolicLink(atPath: root + "/forum-alias", withDestinationPath: root + "/forum")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: base)
    }

    func resolve(_ target: String) -> SitePath {
        SitePath.resolve(target, in: root)
    }

    func real(_ path: String) -> String {
        SitePath.realPath(path)!
    }

    @Test func foldersServeTheirIndexAndNeedATrailingSlash() {
        #expect(resolve("/") == .file(real(root + "/index.html")))
        #expect(resolve("/forum/") == .file(real(root + "/forum/index.html")))
        #expect(resolve("/forum") == .redirect("/forum/"))
        #expect(resolve("/tom/") == .notFound)
        #expect(resolve("/forum-alias/") == .file(real(root + "/forum/index.html")))
    }

    @Test func encodedNamesAreDecoded() {
        #expect(resolve("/%C3%A6ble%20og%20p%C3%A6re.css") == .file(real(root + "/æble og pære.css")))
        #expect(resolve("/./forum/./index.html") == .file(real(root + "/forum/index.html")))
    }

    @Test(arguments: ["/..", "/../outside/secret.txt", "/forum/../../outside/secret.txt", "/%2e%2e/outside/secret.txt",
                      "/%2E%2e%2Foutside%2Fsecret.txt", "/forum/..%2f..%2foutside/secret.txt", "/..%5Coutside", "/a\\b",
                      "/index.html%00.css", "/out/secret.txt", "/out/", "/dangling", "outside/secret.txt", "*",
                      "http://127.0.0.1/../outside/secret.txt", "/%zz"])
    func pathsThatLeaveTheFolderAreRefused(_ target: String) {
        #expect(resolve(target) == .refused)
    }

    @Test func absolutePathsStayInsideTheFolder() {
        #expect(resolve(outside + "/secret.txt") == .notFound)
        #expect(resolve("//" + outside + "/secret.txt") == .notFound)
    }

    @Test func theRedirectOfAFolderIsBuiltFromItsNameNotFromTheRequest() {
        #expect(resolve("//forum") == .redirect("/forum/"), "never a protocol-relative //host/ address")
    }
}
