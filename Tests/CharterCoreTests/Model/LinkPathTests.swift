import Testing
@testable import CharterCore

/// Link paths are resolved on their bytes: relative to the linking file's folder, with `.` and `..`, never above the
/// content folder.
struct LinkPathTests {
    @Test(arguments: [
        ("a.md", [], "a.md"),
        ("a.md", ["organer"], "organer/a.md"),
        ("../personer/æble.md", ["organer"], "personer/æble.md"),
        ("./b//c/../d.md", ["x", "y"], "x/y/b/d.md"),
        ("../../a.md", ["x", "y"], "a.md"),
        ("..", ["x"], ""),
        ("...md", ["x"], "x/...md"),
    ] as [(String, [String], String)])
    func pathsAreResolvedAgainstTheFolder(_ path: String, _ folder: [String], _ expected: String) {
        #expect(LinkResolver.normalise(path, in: folder) == expected)
    }

    @Test func aPathAboveTheContentFolderResolvesToNothing() {
        #expect(LinkResolver.normalise("../a.md", in: []) == nil)
        #expect(LinkResolver.normalise("../../a.md", in: ["x"]) == nil)
    }

    @Test func aByteIsFoundWhereTheUTF8HasIt() {
        let text = "Formål#afsnit"
        #expect(text.firstIndex(ofByte: UInt8(ascii: "#")).map { String(text[..<$0]) } == "Formål")
        #expect(text.firstIndex(ofByte: UInt8(ascii: "%")) == nil)
        #expect("".firstIndex(ofByte: UInt8(ascii: "#")) == nil)
    }
}
