import Testing
@testable import CharterCore

struct SourceFileTests {
    func decode(_ bytes: [UInt8]) -> Result<SourceFile, Diagnostic> {
        SourceFile.decode(bytes, path: "a.md", relativePath: "a.md")
    }

    @Test func byteOrderMarkIsDropped() throws {
        let file = try decode([0xEF, 0xBB, 0xBF] + Array("---\n".utf8)).get()
        #expect(file.text == "---\n")
    }

    @Test func crlfLineEndsBecomeLF() throws {
        let file = try decode(Array("a\r\nb\rc\n".utf8)).get()
        #expect(file.text == "a\nb\nc\n")
    }

    @Test func aCarriageReturnBeforeACombiningMarkBecomesALineFeedToo() throws {
        // Found by the fuzzer: "\r\u{030A}" is one Character, which a search for "\r" in the text does not find.
        let file = try decode(Array("a\r\u{030A}b\r\n\u{030A}c\r".utf8)).get()
        #expect(file.text == "a\n\u{030A}b\n\u{030A}c\n")
        #expect(!file.text.utf8.contains(0x0D))
    }

    @Test func utf16IsReportedAsNotUTF8() {
        guard case .failure(let diagnostic) = decode([0xFF, 0xFE, 0x41, 0x00]) else { Issue.record("accepted UTF-16"); return }
        #expect(diagnostic.description == "a.md:1:1: error: file is UTF-16; save it as UTF-8")
    }

    @Test func latin1ByteIsReportedAtItsLineAndColumn() {
        guard case .failure(let diagnostic) = decode(Array("ab\næ".utf8) + [0x20, 0xE6, 0x20]) else { Issue.record("accepted"); return }
        #expect(diagnostic.description == "a.md:2:3: error: file is not valid UTF-8 (byte 0xE6); save it as UTF-8")
    }

    @Test func danishLettersInUTF8AreAccepted() throws {
        #expect(try decode(Array("Æblegrød på øen".utf8)).get().text == "Æblegrød på øen")
    }
}

struct FrontMatterTests {
    @Test func bodyLineOffsetCountsTheFrontMatterLines() {
        var diagnostics = Diagnostics()
        let front = FrontMatter.parse(SourceFile(path: "a.md", relativePath: "a.md", text: "---\ntitle: x\n---\nline 4\n"),
                                      into: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(front.bodyLineOffset == 3)
        #expect(front.body == "line 4\n")
    }

    /// The split as defined line by line (the implementation finds the lines on the bytes): the YAML's text, the body
    /// and its line offset, or nil for a file without a first line `---`.
    static func reference(_ text: String) -> (yaml: String?, body: String, offset: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = line
            while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
            return line
        }
        guard lines.first == "---", !text.isEmpty else { return nil }
        for number in 1..<lines.count where lines[number] == "---" || lines[number] == "..." {
            let raw = text.split(separator: "\n", omittingEmptySubsequences: false)
            return (raw[1..<number].joined(separator: "\n"), raw[(number + 1)...].joined(separator: "\n"), number + 1)
        }
        let count = text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0)
        return (nil, "", count + (text.hasSuffix("\n") ? 1 : 0))
    }

    @Test func theSplitAndThePreviewsPartsAgreeWithTheLineByLineDefinition() {
        let pieces = ["---", "...", "--- ", "---\t", "----", " ---", "title: x", "", "æøå: 1", "-- -", "---\u{0301}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let lines = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            let text = lines.joined(separator: "\n") + (Bool.random(using: &generator) ? "\n" : "")
            var diagnostics = Diagnostics()
            let front = FrontMatter.parse(SourceFile(path: "a.md", relativePath: "a.md", text: text), into: &diagnostics)
            // The preview's split (what comes before the body, and the body) is the same split.
            let parts = FrontMatter.parts(of: text)
            #expect(parts.front + parts.body == text && parts.body == front.body, "\(text.debugDescription)")
            guard let expected = Self.reference(text) else {
                #expect(diagnostics.sorted.first?.description.contains("missing front matter") == true, "\(text.debugDescription)")
                #expect(front.body == text && front.bodyLineOffset == 0, "\(text.debugDescription)")
                continue
            }
            #expect(front.body == expected.body, "\(text.debugDescription)")
            #expect(front.bodyLineOffset == expected.offset, "\(text.debugDescription)")
            if expected.yaml == nil {
                #expect(diagnostics.sorted.map(\.description).contains { $0.contains("front matter is not closed") }, "\(text.debugDescription)")
            }
        }
    }

    @Test func unclosedFrontMatterIsAnError() {
        var diagnostics = Diagnostics()
        _ = FrontMatter.parse(SourceFile(path: "a.md", relativePath: "a.md", text: "---\ntitle: x\n"), into: &diagnostics)
        #expect(diagnostics.sorted.map(\.description) == ["a.md:1:1: error: front matter is not closed: add a line '---' after the YAML"])
    }

    @Test func duplicateYAMLKeyIsReportedAtTheKey() {
        let lines = Fixtures.diagnose(["a.md": "---\ntype: page\ntitle: A\ntitle: B\n---\n"])
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("a.md:") == true && lines.first?.contains("duplicate key 'title'") == true, "\(lines)")
    }
}

struct CommonMarkTests {
    @Test func parsesIntoSwiftNodesWithPositions() {
        let document = CommonMark.parse("# Formål\n\nSe [B](b.md).\n")
        #expect(document.children.count == 2)
        #expect(document.children[0].kind == .heading(level: 1))
        #expect(document.children[0].plainText == "Formål")
        let link = document.children[1].children[1]
        #expect(link.kind == .link(destination: "b.md", title: ""))
        #expect(link.line == 3)
        #expect(link.column == 4)
    }
}

struct DeepNestingTests {
    @Test func tenThousandNestedBlockQuotesAreFlattenedWithAWarningNotACrash() {
        let lines = Fixtures.diagnose(["a.md": "---\ntype: page\ntitle: A\n---\n" + String(repeating: ">", count: 10_000) + " dybt\n"])
        #expect(lines == ["a.md:5:48: warning: Markdown nested more than 48 levels deep: the deeper levels are shown as plain text"])
    }

    @Test func flattenedTextIsKept() {
        let (document, flattenedAt) = CommonMark.parse(String(repeating: "> ", count: 100) + "*dybt*", maxDepth: 10)
        #expect(flattenedAt != nil)
        var texts: [String] = []
        document.forEach { if case .text(let text) = $0.kind { texts.append(text) } }
        #expect(texts == ["dybt"])
    }
}
