import Testing
@testable import CharterCore

/// The byte scans on pointers (`memchr`, eight bytes at a time) agree with plain Swift written byte by byte, on empty
/// texts, non-ASCII texts, and at the edges of their words and ranges.
struct ByteScanningTests {
    static let texts = ["", "a", "\n", "\n\n", "abc\n", "første linje\nanden: æøå\n\nsidste", "e\u{0301}\r\nx", "🇩🇰\n🙂",
                        String(repeating: "ø", count: 17) + "\n" + String(repeating: "a", count: 9), "tab\t\nend\n"]

    @Test(arguments: [[UInt8](), [0x0D], [0x61, 0x0D, 0x0A], Array("no carriage return æøå".utf8), Array(repeating: 0x61, count: 40) + [0x0D]])
    func aByteIsFoundInASliceAsContainsFindsIt(_ bytes: [UInt8]) {
        for start in bytes.indices + [bytes.count] {
            for end in start...bytes.count {
                #expect(bytes[start..<end].containsByte(0x0D) == bytes[start..<end].contains(0x0D), "\(bytes) \(start)..<\(end)")
            }
        }
    }

    @Test func aStaticTextIsAppendedAsItsUTF8() {
        var out: [UInt8] = [0x21]
        out.append("<li>")
        out.append("æ")
        out.append(">")
        out.append("")
        out.append("</blockquote>\n")
        #expect(out == [0x21] + Array("<li>æ></blockquote>\n".utf8))
    }

    @Test(arguments: texts + ["\0", "a\0b\n\0", "\0\0æ\0"])
    func nulIsReplacedAndLinesStartAfterEachLineFeedAsInAPlainLoop(_ text: String) {
        let bytes = ByteScanning.utf8ReplacingNUL(text)
        #expect(bytes == Array(text.utf8).flatMap { $0 == 0 ? [0xEF, 0xBF, 0xBD] : [$0] })
        #expect(ByteScanning.lineStarts(in: bytes) == [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 })
    }

    @Test(arguments: texts)
    func theScalarsOfEveryRangeAreCountedAsSwiftCountsThem(_ text: String) {
        let bytes = Array(text.utf8)
        // Only ranges on scalar boundaries hold valid UTF-8.
        let boundaries = (0...bytes.count).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
        for start in boundaries {
            for end in boundaries where end >= start {
                #expect(UTF8Scalars.count(in: bytes, start..<end) == String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.count)
            }
        }
    }

    /// The scalars of line `index`, counted on lines split at line feeds.
    static func scalarCountReference(ofLine index: Int, in text: String) -> Int? {
        let lines = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.indices.contains(index) else { return nil }
        return String(decoding: lines[index], as: UTF8.self).unicodeScalars.count
    }

    @Test(arguments: texts)
    func theScalarsOfEveryLineAreCountedAsOnSplitLines(_ text: String) {
        for index in -1...(text.utf8.count + 1) {
            #expect(UTF8Scalars.count(ofLine: index, in: text) == Self.scalarCountReference(ofLine: index, in: text), "\(text) \(index)")
        }
    }

    @Test(arguments: [0, 1, 8, 511, 512, 513, 1000])
    func theEdgesOfBytesAreHashedAsFedOneByOne(_ count: Int) {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let edge = 256
        var hasher = Hasher()
        ByteHash.combineEdges(of: bytes, edge: edge, into: &hasher)
        var reference = Hasher()
        let fed = count <= 2 * edge ? bytes[...] : bytes[..<edge] + bytes[(count - edge)...]
        for byte in fed { reference.combine(byte) }
        #expect(hasher.finalize() == reference.finalize())
    }

    /// The path resolved on a stack of components split at `/`.
    static func normalisedPathReference(_ path: String, in folder: [String]) -> String? {
        var components = folder.isEmpty ? [] : Array(folder.joined(separator: "/").utf8)
            .split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        for component in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            switch String(decoding: component, as: UTF8.self) {
            case "", ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            case let name: components.append(name)
            }
        }
        return components.joined(separator: "/")
    }

    @Test(arguments: [[], ["x"], ["x", "y"], ["æ"]])
    func pathsAreNormalisedAsOnAStackOfComponents(_ folder: [String]) {
        let pieces = ["a", "..", ".", "", "æø", "b.md", "...", ".x"]
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    for path in ["\(first)/\(second)/\(third)", "\(first)/\(second)", "/\(first)", first] {
                        #expect(ByteScanning.normalisedPath(path, in: folder) == Self.normalisedPathReference(path, in: folder),
                                "\(folder) \(path)")
                    }
                }
            }
        }
    }

    /// The front matter's parts, found on lines split at line feeds.
    static func frontMatterReference(_ text: String) -> FrontMatter.Split {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return .missing }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        func content(_ line: ArraySlice<UInt8>) -> String {
            var line = line
            while let last = line.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { line = line.dropLast() }
            return String(decoding: line, as: UTF8.self)
        }
        guard content(lines[0]) == "---" else { return .missing }
        let yamlStart = min(lines[0].endIndex + 1, bytes.count)
        for number in lines.indices.dropFirst() where content(lines[number]) == "---" || content(lines[number]) == "..." {
            let line = lines[number]
            return .closed(yaml: yamlStart..<max(yamlStart, line.startIndex - 1), body: min(line.endIndex + 1, bytes.count),
                           lines: number + 1)
        }
        return .unclosed(lines: lines.count)
    }

    @Test func frontMatterIsSplitAsOnLinesSplitAtLineFeeds() {
        let lines = ["---", "--- ", "---\t", "...", "title: a", "", "ø: æ", " ---", "----", "\r", "---\r"]
        var texts: [String] = [""]
        for count in 1...3 {
            var combinations: [[String]] = [[]]
            for _ in 0..<count { combinations = combinations.flatMap { prefix in lines.map { prefix + [$0] } } }
            texts += combinations.flatMap { [$0.joined(separator: "\n"), $0.joined(separator: "\n") + "\n"] }
        }
        texts.append("---\ntitle: Forum\n---\n# Body\n\nmore æøå\n")
        for text in texts {
            #expect(ByteScanning.frontMatterSplit(text) == Self.frontMatterReference(text), "\(text.debugDescription)")
        }
    }

    @Test func yamlIsParsedFromARangeOfItsText() throws {
        let text = "---\ntitle: Forum\nname: æøå\n---\nbody"
        let range = 4..<(text.utf8.count - 9)
        let part = try YAMLParser.parse(text, bytes: range)
        let whole = try YAMLParser.parse("title: Forum\nname: æøå")
        guard case .mapping(let found)? = part, case .mapping(let expected)? = whole else {
            Issue.record("not mappings")
            return
        }
        #expect((found.keys + found.values).map(\.string) == (expected.keys + expected.values).map(\.string))
        // Places count from the range's start: the caller adds the lines before it.
        #expect(found.values.map(\.mark.description) == ["1:8", "2:7"])
        #expect(try YAMLParser.parse(text, bytes: 0..<0) == nil)
    }
}
