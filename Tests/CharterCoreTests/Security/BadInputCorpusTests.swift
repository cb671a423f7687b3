import Foundation
import Testing
@testable import CharterCore

/// The bad-input corpus: every case gets a precise diagnostic, or a documented and tested acceptance — never a
/// crash, a hang or a silently dropped page.
struct BadInputCorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String]
        /// The text of `site.yml`, when the case needs one.
        var config: String? = nil
        /// Every diagnostic expected, as printed; an empty list documents an accepted input.
        var expected: [String]
        var testDescription: String { name }
    }

    static func page(_ front: String, _ body: String = "Tekst.\n") -> String {
        "---\n\(front)\n---\n\(body)"
    }

    static let cases: [Case] = [
        // Malformed and truncated YAML.
        Case(name: "unclosed quote", files: ["a.md": page("type: page\ntitle: \"A")],
             expected: ["a.md:3:10: error: malformed YAML: while scanning a quoted scalar, found unexpected end of stream"]),
        Case(name: "tab indentation", files: ["a.md": page("type: page\ntitle: A\nsites:\n\t- x")],
             expected: ["a.md:5:1: error: malformed YAML: while scanning for the next token, found character that cannot start any token"]),
        Case(name: "bad indentation", files: ["a.md": page("type: page\n  title: A")],
             expected: ["a.md:3:8: error: malformed YAML: mapping values are not allowed in this context"]),
        Case(name: "front matter is a list", files: ["a.md": page("- type\n- page")],
             expected: ["a.md:2:1: error: front matter must be a mapping of 'key: value' lines"]),
        Case(name: "front matter is a scalar", files: ["a.md": page("just text")],
             expected: ["a.md:2:1: error: front matter must be a mapping of 'key: value' lines"]),
        Case(name: "empty front matter", files: ["a.md": "---\n---\nTekst\n"],
             expected: ["a.md:1:1: error: front matter is empty: give at least 'type' and 'title'"]),
        Case(name: "no closing delimiter", files: ["a.md": "---\ntype: page\ntitle: A\n"],
             expected: ["a.md:1:1: error: front matter is not closed: add a line '---' after the YAML"]),
        Case(name: "no front matter", files: ["a.md": "# Bare Markdown\n"],
             expected: ["a.md:1:1: error: missing front matter: a content file starts with a line '---', YAML, and a closing '---'"]),
        Case(name: "empty file", files: ["a.md": ""],
             expected: ["a.md:1:1: error: missing front matter: a content file starts with a line '---', YAML, and a closing '---'"]),
        Case(name: "duplicate key", files: ["a.md": page("type: page\ntitle: A\ntitle: B")],
             expected: ["a.md:4:1: error: malformed YAML: duplicate key 'title' in a mapping"]),
        Case(name: "alias used as a value (accepted: YAML anchors are resolved)", files: ["a.md": page("type: page\ntitle: &t A\nsummary: *t")],
             expected: []),
        Case(name: "deeply nested flow sequences", files: ["a.md": page("type: page\ntitle: A\nsites: " + String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000))],
             expected: ["a.md:4:1007: error: malformed YAML: lists and mappings nested more than 1000 levels deep"]),
        Case(name: "billion laughs (aliases of aliases)", files: ["a.md": page("type: page\ntitle: A\nx0: &a0 [l, l, l, l, l, l, l, l, l]\n"
            + (1...9).map { "x\($0): &a\($0) [" + Array(repeating: "*a\($0 - 1)", count: 9).joined(separator: ", ") + "]" }.joined(separator: "\n"))],
             expected: ["a.md:8:10: error: malformed YAML: aliases repeat more than 10000 values; write the values out instead"]),
        Case(name: "huge front matter of unknown keys", files: ["a.md": page("type: page\ntitle: A\n" + (0..<300).map { "k\($0): v" }.joined(separator: "\n"))],
             expected: (0..<300).map { "a.md:\($0 + 4):1: error: unknown field 'k\($0)' on a page" }),
        Case(name: "huge but valid front matter value", files: ["a.md": page("type: page\ntitle: A\nsummary: " + String(repeating: "ord ", count: 50_000))],
             expected: []),

        // Wrong types.
        Case(name: "title is a list", files: ["a.md": page("type: page\ntitle: [A, B]")],
             expected: ["a.md:3:8: error: 'title' must be a text, not a list", "a.md:3:8: error: missing 'title': every page needs a title"]),
        Case(name: "type is a mapping", files: ["a.md": page("type: {a: b}\ntitle: A")],
             expected: ["a.md:2:7: error: 'type' must be a text, not a mapping", "a.md:1:1: error: missing 'type': one of body, unit, role, person, project, page"]),
        Case(name: "members is a mapping", files: ["a.md": page("type: body\ntitle: A\nmembers: {b: c}")],
             expected: ["a.md:4:10: error: 'members' must be a list (lines starting with '- '), not a mapping"]),
        Case(name: "member is a list", files: ["a.md": page("type: body\ntitle: A\nmembers:\n  - [b]")],
             expected: ["a.md:5:5: error: a member must be an id or a mapping with 'ref' and 'as'"]),
        Case(name: "member mapping without ref", files: ["a.md": page("type: body\ntitle: A\nmembers:\n  - as: Formand")],
             expected: ["a.md:5:5: error: a member written as a mapping needs 'ref: <id>'"]),
        Case(name: "member with unknown key", files: ["a.md": page("type: body\ntitle: A\nmembers:\n  - ref: a\n    rolle: x")],
             expected: ["a.md:6:5: error: unknown field 'rolle' on a member", "a.md:5:10: error: 'members' refers to the entity itself ('a')"]),
        Case(name: "order is text", files: ["a.md": page("type: page\ntitle: A\norder: first")],
             expected: ["a.md:4:8: error: 'order' must be a whole number, not 'first'"]),
        Case(name: "established is a list", files: ["a.md": page("type: body\ntitle: A\nestablished: [2026]")],
             expected: ["a.md:4:14: error: 'established' must be a text, not a list"]),
        Case(name: "impossible date", files: ["a.md": page("type: body\ntitle: A\nestablished: 2026-02-30")],
             expected: ["a.md:4:14: error: 'established' looks like a date but is not a valid one: '2026-02-30' (write YYYY-MM-DD)"]),
        Case(name: "terms is a list", files: ["a.md": page("type: body\ntitle: A\nterms: [a]")],
             expected: ["a.md:4:8: error: 'terms' must be a mapping (title, status, version, purpose, tasks, …)"]),
        Case(name: "tasks is text", files: ["a.md": page("type: body\ntitle: A\nterms:\n  tasks: gør noget")],
             expected: ["a.md:5:10: error: 'tasks' must be a list (lines starting with '- '), not a text"]),
        Case(name: "unknown terms key", files: ["a.md": page("type: body\ntitle: A\nterms:\n  purpos: x")],
             expected: ["a.md:5:3: error: unknown field 'purpos' on terms (did you mean 'purpose'?)"]),
        Case(name: "terms status wrong", files: ["a.md": page("type: body\ntitle: A\nterms:\n  status: final")],
             expected: ["a.md:5:11: error: unknown terms status 'final'; use draft or approved"]),
        Case(name: "sites is a mapping", files: ["a.md": page("type: unit\ntitle: A\nsites: {x: y}")],
             expected: ["a.md:4:8: error: 'sites' must be a list (lines starting with '- '), not a mapping"]),
        Case(name: "decision without a date", files: ["a.md": page("type: body\ntitle: A\ndecisions:\n  - title: Vedtaget")],
             expected: ["a.md:5:5: error: a decision needs 'date' (a date, or text for a time without one)"]),
        Case(name: "decision is text", files: ["a.md": page("type: body\ntitle: A\ndecisions:\n  - vedtaget")],
             expected: ["a.md:5:5: error: a decision must be a mapping with 'title' and 'date'"]),
        Case(name: "allow_raw_html is text", files: ["a.md": page("type: page\ntitle: A", "<div>x</div>\n")],
             config: "title: T\nallow_raw_html: sometimes\n",
             expected: ["site.yml:2:17: error: 'allow_raw_html' must be true or false, not 'sometimes'",
                        "a.md:5:1: warning: raw HTML left out: the site's config does not allow it (allow_raw_html in site.yml)"]),

        // Unknown and misspelled fields and values.
        Case(name: "misspelled summary", files: ["a.md": page("type: page\ntitle: A\nsumary: x")],
             expected: ["a.md:4:1: error: unknown field 'sumary' on a page (did you mean 'summary'?)"]),
        Case(name: "hyphen instead of underscore", files: ["a.md": page("type: body\ntitle: A\nreports-to: b")],
             expected: ["a.md:4:1: error: unknown field 'reports-to' on a body (did you mean 'reports_to'?)"]),
        Case(name: "field of another type", files: ["a.md": page("type: person\ntitle: A\nparent: b")],
             expected: ["a.md:4:1: error: unknown field 'parent' on a person"]),
        Case(name: "unknown type", files: ["a.md": page("type: bodu\ntitle: A")],
             expected: ["a.md:2:7: error: unknown type 'bodu' (did you mean 'body'?); use one of body, unit, role, person, project, page"]),
        Case(name: "missing type", files: ["a.md": page("title: A")],
             expected: ["a.md:1:1: error: missing 'type': one of body, unit, role, person, project, page"]),
        Case(name: "unknown status", files: ["a.md": page("type: project\ntitle: A\nstatus: active")],
             expected: ["a.md:4:9: error: unknown status 'active' for a project; use one of idea, planned, running, done"]),
        // Charter knows no kinds of its own: a site that declares none has none.
        Case(name: "unknown kind", files: ["a.md": page("type: unit\ntitle: A\nkind: hospital")],
             expected: ["a.md:4:7: error: unknown kind 'hospital' for a unit; none is declared, or declare it in site.yml under 'kinds: unit:'"]),
        Case(name: "blank title", files: ["a.md": page("type: page\ntitle: \"   \"")],
             expected: ["a.md:3:8: error: missing 'title': every page needs a title"]),

        // References.
        Case(name: "unknown reference with suggestion", files: ["a.md": page("type: body\ntitle: A\nreports_to: styregrupen"), "styregruppen.md": page("type: body\ntitle: S")],
             expected: ["a.md:4:13: error: unknown reference 'styregrupen' in 'reports_to' (did you mean 'styregruppen'?): no body or unit has that id"]),
        Case(name: "reference to the wrong type", files: ["a.md": page("type: role\ntitle: A\nheld_by: b"), "b.md": page("type: unit\ntitle: B")],
             expected: ["a.md:4:10: error: 'held_by' must refer to a person, but 'b' is a unit"]),
        Case(name: "self reference", files: ["a.md": page("type: body\ntitle: A\nreports_to: a")],
             expected: ["a.md:4:13: error: 'reports_to' refers to the entity itself ('a')"]),
        Case(name: "self parent", files: ["a.md": page("type: unit\ntitle: A\nparent: a")],
             expected: ["a.md:4:9: error: 'parent' refers to the entity itself ('a')"]),
        Case(name: "two-cycle", files: ["a.md": page("type: body\ntitle: A\nreports_to: b"), "b.md": page("type: body\ntitle: B\nreports_to: a")],
             expected: ["b.md:4:13: error: cycle in 'reports_to': a → b → a"]),
        Case(name: "cycle with a tail", files: ["a.md": page("type: unit\ntitle: A\nparent: b"), "b.md": page("type: unit\ntitle: B\nparent: c"), "c.md": page("type: unit\ntitle: C\nparent: b")],
             expected: ["c.md:4:9: error: cycle in 'parent': b → c → b"]),
        Case(name: "reference to an empty id", files: ["a.md": page("type: body\ntitle: A\nchair: \"\"")],
             expected: ["a.md:4:8: error: unknown reference '' in 'chair': no role or person has that id"]),

        // Ids.
        Case(name: "duplicate id in two folders", files: ["x/a.md": page("type: page\ntitle: A"), "y/a.md": page("type: page\ntitle: A2")],
             expected: ["y/a.md:1:1: error: duplicate id 'a'; first defined in x/a.md"]),
        Case(name: "ids differing only in case", files: ["a.md": page("type: page\ntitle: A\nid: forum"), "b.md": page("type: page\ntitle: B\nid: Forum")],
             expected: ["b.md:4:5: error: id 'Forum' may hold only lowercase letters a–z, digits and '-' (suggestion: 'forum')",
                        "b.md:4:5: error: duplicate id 'Forum' (ids that differ only in case or Unicode form are the same page); first defined in a.md"]),
        Case(name: "ids differing only in Unicode normalisation", files: ["a.md": page("type: page\ntitle: A\nid: \"r\u{E5}d\""), "b.md": page("type: page\ntitle: B\nid: \"ra\u{30A}d\"")],
             expected: ["a.md:4:5: error: id 'r\u{E5}d' may hold only lowercase letters a–z, digits and '-' (suggestion: 'raad')",
                        "b.md:4:5: error: id 'ra\u{30A}d' may hold only lowercase letters a–z, digits and '-' (suggestion: 'raad')",
                        "b.md:4:5: error: duplicate id 'ra\u{30A}d' (ids that differ only in case or Unicode form are the same page); first defined in a.md"]),
        Case(name: "id with a path", files: ["a.md": page("type: page\ntitle: A\nid: ../../etc/passwd")],
             expected: ["a.md:4:5: error: id '../../etc/passwd' may hold only lowercase letters a–z, digits and '-' (suggestion: 'etc-passwd')"]),
        Case(name: "id with a slash", files: ["a.md": page("type: page\ntitle: A\nid: a/b")],
             expected: ["a.md:4:5: error: id 'a/b' may hold only lowercase letters a–z, digits and '-' (suggestion: 'a-b')"]),
        Case(name: "id with NUL", files: ["a.md": page("type: page\ntitle: A\nid: \"a\\0b\"")],
             expected: ["a.md:4:5: error: id 'a\u{0}b' may hold only lowercase letters a–z, digits and '-' (suggestion: 'ab')"]),
        Case(name: "reserved id", files: ["organer.md": page("type: page\ntitle: A")],
             expected: ["organer.md:1:1: error: id 'organer' is reserved for a page Charter makes itself; rename the file or set another 'id'"]),
        Case(name: "index that is not a page", files: ["index.md": page("type: body\ntitle: A")],
             expected: ["index.md:1:1: error: id 'index' is the home page and must have type 'page'"]),

        // Markdown.
        Case(name: "broken link in a task", files: ["a.md": page("type: body\ntitle: A\nterms:\n  tasks:\n    - \"Følg [x](x.md)\"")],
             expected: ["a.md:6:13: error: broken link 'x.md': no content file or id 'x.md'"]),
        Case(name: "link out of the content folder", files: ["a.md": page("type: page\ntitle: A", "[x](../../x.md)\n")],
             expected: ["a.md:5:1: error: broken link '../../x.md': no content file or id '../../x.md'"]),
        Case(name: "empty link", files: ["a.md": page("type: page\ntitle: A", "[x]()\n")],
             expected: ["a.md:5:1: error: empty link destination"]),
        Case(name: "link to an id", files: ["a.md": page("type: page\ntitle: A", "[b](b)\n"), "b.md": page("type: page\ntitle: B")],
             expected: []),
        Case(name: "raw HTML block", files: ["a.md": page("type: page\ntitle: A", "<div>\nx\n</div>\n")],
             expected: ["a.md:5:1: warning: raw HTML left out: the site's config does not allow it (allow_raw_html in site.yml)"]),
        Case(name: "ten thousand nested lists", files: ["a.md": page("type: page\ntitle: A", String(repeating: "- ", count: 10_000) + "x\n")],
             expected: ["a.md:5:47: warning: Markdown nested more than 48 levels deep: the deeper levels are shown as plain text"]),
        Case(name: "CRLF line ends keep positions", files: ["a.md": "---\r\ntype: page\r\ntitle: A\r\nsumary: x\r\n---\r\nx\r\n"],
             expected: ["a.md:4:1: error: unknown field 'sumary' on a page (did you mean 'summary'?)"]),
        Case(name: "Danish text everywhere", files: ["a.md": page("type: page\ntitle: \"Æblegrød på øen\"\nsummary: \"Ålborg – «citat» ‘x’\"", "## Særlige forhold\n\nÆ ø å.\n")],
             expected: []),
    ]

    @Test(arguments: cases)
    func badInputGetsAPreciseDiagnosticOrADocumentedAcceptance(_ testCase: Case) {
        let lines = Fixtures.diagnose(testCase.files, config: testCase.config)
        #expect(lines == testCase.expected.sorted(by: Self.diagnosticOrder), "\(lines)")
    }

    static func diagnosticOrder(_ a: String, _ b: String) -> Bool {
        func key(_ line: String) -> (String, Int, Int, String) {
            let parts = line.split(separator: ":", maxSplits: 3).map(String.init)
            return (parts[0], Int(parts[1]) ?? 0, Int(parts[2]) ?? 0, parts.count > 3 ? parts[3] : "")
        }
        return key(a) < key(b)
    }

    /// Cases that need a real folder: bytes that are not text, links in the file system, very large files.
    @Test func fileSystemCasesAreReportedOrAccepted() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: content.appendingPathComponent(name)) }
        try write("binary.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF])
        try write("utf16.md", [0xFE, 0xFF, 0x00, 0x2D])
        try write("bom.md", [0xEF, 0xBB, 0xBF] + Array(Self.page("type: page\ntitle: BOM").utf8))
        try write("picture.png", [0x89, 0x50])
        let big = Self.page("type: page\ntitle: Stor", String(repeating: "Et afsnit med *tekst* og [et link](bom.md).\n\n", count: 230_000))
        try write("big.md", Array(big.utf8))
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("loop"), withDestinationURL: content)
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("gone.md"),
                                                   withDestinationURL: folder.appendingPathComponent("nowhere.md"))
        #expect(big.utf8.count > 10_000_000)

        let result = Fixtures.build(content.path, output: folder.appendingPathComponent("site").path, dryRun: true)
        let lines = result.diagnostics.sorted.map { $0.description.replacingOccurrences(of: content.path + "/", with: "") }
        #expect(lines == [
            "binary.md:1:1: error: file is not valid UTF-8 (byte 0x89); save it as UTF-8",
            "gone.md: warning: broken symbolic link: skipped",
            "loop: warning: symbolic link loop: folder skipped",
            "utf16.md:1:1: error: file is UTF-16; save it as UTF-8",
        ])
        let site = try #require(result.site)
        #expect(site["bom"]?.title == "BOM")
        #expect(site["big"] != nil, "a 10 MB page is read, not dropped")
    }
}
