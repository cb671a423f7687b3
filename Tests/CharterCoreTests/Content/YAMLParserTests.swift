import Testing
@testable import CharterCore

/// The YAML reader on libyaml's events: values and their places, as Yams' `compose` gave them, and the limits that keep
/// a small hostile text from costing much.
struct YAMLParserTests {
    func parse(_ text: String) throws -> YAMLNode? {
        try YAMLParser.parse(text)
    }

    func mapping(_ text: String) throws -> YAMLNode.Mapping {
        guard case .mapping(let mapping)? = try parse(text) else { throw YAMLError("not a mapping", at: nil) }
        return mapping
    }

    func error(_ text: String) -> YAMLError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error as? YAMLError
        }
    }

    func mark(_ line: Int, _ column: Int) -> YAMLNode.Mark { YAMLNode.Mark(line: line, column: column) }

    @Test func keysValuesAndListItemsAreMarkedAtTheirLineAndColumn() throws {
        let root = try mapping("title: Forum\nsites:\n  - Næstved\n  - 'Slagelse'\n")
        #expect(root.mark == mark(1, 1))
        #expect(root.keys.map(\.mark) == [mark(1, 1), mark(2, 1)])
        #expect(root.values[0].mark == mark(1, 8))
        guard case .sequence(let sites)? = root["sites"] else { Issue.record("sites is not a list"); return }
        #expect(sites.mark == mark(3, 3))
        #expect(sites.map(\.mark) == [mark(3, 5), mark(4, 5)])
        #expect(sites.map(\.string) == ["Næstved", "Slagelse"])
    }

    @Test func quotedAndPlainScalarsKeepTheirStyle() throws {
        let root = try mapping("a: ~\nb: \"~\"\nc: ''\nd:\ne: null\n")
        let scalars = root.values.compactMap { if case .scalar(let scalar) = $0 { scalar } else { nil } }
        #expect(scalars.map(\.string) == ["~", "~", "", "", "null"])
        #expect(scalars.map(\.style) == [.plain, .doubleQuoted, .singleQuoted, .plain, .plain])
        #expect(scalars[3].mark == mark(4, 3), "an empty value is placed right after its key's colon, as libyaml places it")
    }

    @Test func blockScalarsKeepOrFoldTheirLines() throws {
        let root = try mapping("a: |\n  x\n  y\nb: >\n  x\n  y\n")
        guard case .scalar(let literal)? = root["a"], case .scalar(let folded)? = root["b"] else { Issue.record("no scalars"); return }
        #expect((literal.string, literal.style, literal.mark) == ("x\ny\n", .literal, mark(1, 4)))
        #expect((folded.string, folded.style, folded.mark) == ("x y\n", .folded, mark(4, 4)))
    }

    @Test func flowCollectionsAreMarkedAtTheirBracketsAndItems() throws {
        let root = try mapping("a: [x, 'y', {k: v}]\nb: {c: d}\n")
        guard case .sequence(let list)? = root["a"], case .mapping(let inner)? = root["b"] else { Issue.record("wrong shapes"); return }
        #expect(list.mark == mark(1, 4))
        #expect(list.map(\.mark) == [mark(1, 5), mark(1, 8), mark(1, 13)])
        #expect(inner.mark == mark(2, 4))
        #expect(inner.keys[0].mark == mark(2, 5) && inner["c"]?.mark == mark(2, 8))
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let root = try mapping("ø: æøå\nå: [æ, ø]\ne\u{301}: x\n")
        #expect(root.values[0].mark == mark(1, 4))
        guard case .sequence(let list) = root.values[1] else { Issue.record("not a list"); return }
        #expect(list.map(\.mark) == [mark(2, 5), mark(2, 8)])
        #expect(root.values[2].mark == mark(3, 5), "a decomposed é is two scalars")
    }

    @Test func oneByteOrderMarkAtTheStartOfAValueIsDropped() throws {
        let root = try mapping("a: \u{FEFF}body\nb: \"\u{FEFF}\u{FEFF}x\"\nc: x\u{FEFF}\n")
        #expect(root.values.map(\.string) == ["body", "\u{FEFF}x", "x\u{FEFF}"], "as Yams' Foundation decoding did")
    }

    @Test func everyScalarIsReadAsTextWhateverItsTag() throws {
        let root = try mapping("a: !!int 12\nb: 2026-01-01\nc: true\nd: !custom x\n")
        #expect(root.values.map(\.string) == ["12", "2026-01-01", "true", "x"])
    }

    @Test func aDuplicateKeyIsReportedAtItsSecondOccurrence() {
        #expect(error("a: 1\nb:\n  c: 1\n  c: 2\n") == YAMLError("duplicate key 'c' in a mapping", at: mark(4, 3)))
        #expect(error("{x: 1, y: 2, x: 3}") == YAMLError("duplicate key 'x' in a mapping", at: mark(1, 14)))
        #expect(error("title: A\n\"title\": B\n") == YAMLError("duplicate key 'title' in a mapping", at: mark(2, 1)),
                "a quoted key is the same key")
        #expect(error("b: 1\na: 1\nb: 2\na: 2\n") == YAMLError("duplicate key 'a', 'b' in a mapping", at: mark(4, 1)),
                "all repeated keys are named, in order; the place is the first one's second occurrence")
        let long = (0..<40).map { "k\($0): v" }.joined(separator: "\n") + "\nk7: again\n"
        #expect(error(long) == YAMLError("duplicate key 'k7' in a mapping", at: mark(41, 1)))
    }

    @Test func keysWithDifferentTagsAreDifferentKeys() throws {
        #expect(try mapping("title: A\n!foo title: B\n").count == 2)
        #expect(error("title: A\n!!str title: B\n") == YAMLError("duplicate key 'title' in a mapping", at: mark(2, 1)),
                "!!str is a plain key's own tag")
    }

    @Test func malformedYAMLIsAnErrorWithLibyamlsMessageAndPlace() {
        #expect(error("type: page\ntitle: \"A") ==
                YAMLError("while scanning a quoted scalar, found unexpected end of stream", at: mark(2, 10)))
        #expect(error("type: page\n  title: A") == YAMLError("mapping values are not allowed in this context", at: mark(2, 8)))
        #expect(error("a: \u{7}") == YAMLError("control characters are not allowed", at: nil),
                "libyaml places a bad character by byte offset only")
    }

    @Test func aSecondDocumentIsAnError() throws {
        #expect(error("a: 1\n---\nb: 2\n") ==
                YAMLError("expected a single document in the stream, but found another document", at: mark(2, 1)))
        #expect(try parse("") == nil)
        #expect(try parse("# only a comment\n") == nil)
    }

    @Test func anAliasIsTheValueItsAnchorNames() throws {
        let root = try mapping("a: &x [1, 2]\nb: *x\n")
        guard case .sequence(let list)? = root["b"] else { Issue.record("the alias is not the list"); return }
        #expect(list.map(\.string) == ["1", "2"])
        #expect(list.mark == mark(1, 4), "the value keeps the place where it is written")
        #expect(error("a: *x\n") == YAMLError("found undefined alias", at: mark(1, 4)))
        #expect(error("a: &x [*x]\n") == YAMLError("found undefined alias", at: mark(1, 8)), "a value cannot contain itself")
    }

    @Test func mergeKeysAreOrdinaryKeys() throws {
        let root = try mapping("base: &b {x: 1}\n<<: *b\n")
        #expect(root.keys.map(\.string) == ["base", "<<"])
        #expect(root["x"] == nil)
    }

    @Test func aliasesThatRepeatTooMuchAreRefusedAtTheAlias() throws {
        // The "billion laughs": each level names the one before nine times, 10^9 values from a few hundred bytes.
        let laughs = "x0: &a0 [l, l, l, l, l, l, l, l, l]\n"
            + (1...9).map { "x\($0): &a\($0) [" + Array(repeating: "*a\($0 - 1)", count: 9).joined(separator: ", ") + "]" }
            .joined(separator: "\n")
        let refused = try #require(error(laughs))
        #expect(refused.message == "aliases repeat more than 10000 values; write the values out instead")
        #expect(refused.mark == mark(5, 10), "at the first alias past the limit (x4's first *a3)")
        // Ordinary reuse stays well within it: a 50-item list named 100 times.
        let list = "[" + (0..<50).map { "v\($0)" }.joined(separator: ", ") + "]"
        let reuse = "base: &l \(list)\n" + (0..<100).map { "k\($0): *l" }.joined(separator: "\n")
        #expect(try mapping(reuse).count == 101)
    }

    @Test func nestingDeeperThanTheLimitIsRefusedWhereItStarts() throws {
        let limit = YAMLBuilder.maxDepth
        #expect(try parse(String(repeating: "[", count: limit) + String(repeating: "]", count: limit)) != nil)
        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(error(tooDeep) == YAMLError("lists and mappings nested more than \(limit) levels deep", at: mark(1, limit + 1)))
        let block = (0...limit).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n") + " x\n"
        #expect(error(block)?.mark == mark(limit + 1, limit + 1))
    }
}
