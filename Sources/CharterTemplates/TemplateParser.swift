/// A syntax error in a template, reported at the tag that causes it.
package struct TemplateSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in words for the template's author.
    package var message: String
    /// The line, counted from 1.
    package var line: Int
    /// The column, counted from 1 in Unicode scalars.
    package var column: Int

    /// `line:column: message`.
    package var description: String { "\(line):\(column): \(message)" }

    static let notClosed = "a section is not closed ('{{/name}}' missing)"
    static let closedWithOtherName = "a section is closed with another name than it was opened with"
    static let notFinished = "a tag is not finished ('}}' missing)"
    static let setDelimiter = "set delimiter tags are not supported"
    static let pragma = "pragma tags ('{{%…}}') are not supported"
    static let dynamicPartial = "dynamic partial names ('{{>*name}}') are not supported"
    static let tagInParent = "only blocks ('{{$name}}…{{/name}}'), comments and text may stand inside a parent ('{{<name}}')"
    static let blockTransform = "a block ('{{$name}}') cannot have a transform"
    static func unknownTransform(_ name: String) -> String {
        "unknown transform '\(name)' (known: \(Template.Transform.allCases.map(\.rawValue).joined(separator: ", ")))"
    }
}

/// Parses Mustache text into template nodes, reading UTF-8 bytes.
///
/// The parse follows swift-mustache's parser step by step, so that whitespace and standalone lines come out the
/// same, also where swift-mustache departs from the Mustache spec: it carries "at the start of a line" across a
/// section (after a section whose opening tag was standalone, the next tag on the closing tag's line can be
/// standalone too; after one whose opening tag was not, a tag at the start of the next line cannot); a standalone
/// tag followed by spaces at the very end of the text is not standalone; the whitespace before a standalone parent
/// or block tag is kept, and indents the lines after the first as well.
///
/// Differences, all on input Charter's templates do not contain: set-delimiter tags, pragmas and dynamic partial
/// names are errors; `{{` followed by a line break opens a tag (swift-mustache drops the braces); a lone `{` ending
/// the text is text (an error there); a tag other than a block or a comment directly inside a parent is reported at
/// that tag; errors are placed at the start of the tag concerned.
struct TemplateParser {
    typealias Node = Template.Node

    private let bytes: [UInt8]
    private var position = 0

    /// The parse of the whole text.
    static func parse(_ text: String) throws -> [Node] {
        var parser = TemplateParser(bytes: Array(text.utf8))
        return try parser.parse(State()).nodes
    }

    /// What the parse of one level (the whole text, a section, a parent, a block) knows.
    private struct State {
        /// The section, parent or block this level closes: its name, transforms and where its tag starts.
        var open: (name: String, transforms: [String], tag: Int)?
        /// At the start of a line, so that the next tag may be standalone.
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}`.
        var inParent = false
        /// Directly inside a parent, where only blocks count.
        var parentTopLevel = false
        /// Inside a parent's block: the indentation of the block's first line, removed from its other lines.
        var blockIndent: Int?

        func opening(_ name: String, _ transforms: [String], tag: Int, newLine: Bool) -> State {
            var state = self
            state.open = (name, transforms, tag)
            state.parentTopLevel = false
            state.newLine = newLine
            return state
        }

        func parent(_ name: String, tag: Int) -> State {
            var state = opening(name, [], tag: tag, newLine: true)
            state.inParent = true
            state.parentTopLevel = true
            return state
        }
    }

    /// Parses up to the end of the text or the closing tag of `state.open`; also returns the blocks of a parent.
    private mutating func parse(_ initial: State) throws -> (nodes: [Node], blocks: [String: [Node]]) {
        var state = initial
        var output = NodeList(keepsText: !state.parentTopLevel)
        var blocks: [String: [Node]] = [:]
        var whitespace: ArraySlice<UInt8> = []
        while position < bytes.count {
            if state.newLine {
                let spaces = readSpacesAndTabs()
                if state.inParent, !state.parentTopLevel {
                    if let indent = state.blockIndent {
                        whitespace = spaces.dropFirst(indent)
                    } else {
                        state.blockIndent = spaces.count
                    }
                } else {
                    whitespace = spaces
                }
            }
            let textStart = position
            let stop = readText()
            let text = bytes[textStart..<position]
            if stop == .newline {
                output.text(whitespace)
                output.text(bytes[textStart...position])
                position += 1
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                output.text(whitespace)
                output.text(text)
                whitespace = []
                state.newLine = false
            }
            if stop == .end { break }

            let tag = position
            position += 2
            var setNewLine = false
            switch position < bytes.count ? bytes[position] : 0 {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[position] == UInt8(ascii: "^")
                position += 1
                let (name, transforms) = try readName(tag: tag)
                let variable = try makeVariable(name, transforms, tag: tag)
                try checkAllowed(in: state, tag: tag)
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    output.text(whitespace)
                    whitespace = []
                }
                let content = try parse(state.opening(name, transforms, tag: tag, newLine: setNewLine)).nodes
                output.append(.section(variable, content, inverted: inverted))

            case UInt8(ascii: "/"):
                position += 1
                let (name, transforms) = try readName(tag: tag)
                guard let open = state.open, open.name == name, open.transforms == transforms else {
                    throw error(TemplateSyntaxError.closedWithOtherName, at: tag)
                }
                if !isStandalone(state) {
                    output.text(whitespace)
                }
                return (output.finish(), blocks)

            case UInt8(ascii: "!"):
                guard let end = bytes[(position + 1)...].firstRange(of: [Self.closeBrace, Self.closeBrace]) else {
                    throw error(TemplateSyntaxError.notFinished, at: tag)
                }
                position = end.upperBound
                setNewLine = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let triple = bytes[position] == UInt8(ascii: "{")
                output.text(whitespace)
                whitespace = []
                position += 1
                let (name, transforms) = try readName(tag: tag)
                if triple {
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
                        throw error(TemplateSyntaxError.notFinished, at: tag)
                    }
                    position += 1
                }
                let variable = try makeVariable(name, transforms, tag: tag)
                try checkAllowed(in: state, tag: tag)
                output.append(.variable(variable, escaped: false))

            case UInt8(ascii: ">"):
                position += 1
                let name = try readPartialName(tag: tag)
                try checkAllowed(in: state, tag: tag)
                output.text(whitespace)
                if isStandalone(state) {
                    setNewLine = true
                    output.append(.partial(name, indentation: Array(whitespace)))
                } else {
                    output.append(.partial(name, indentation: []))
                }
                whitespace = []

            case UInt8(ascii: "<"):
                position += 1
                let name = try readPartialName(tag: tag)
                try checkAllowed(in: state, tag: tag)
                output.text(whitespace)
                setNewLine = isStandalone(state)
                let blocks = try parse(state.parent(name, tag: tag)).blocks
                output.append(.parent(name, indentation: Array(whitespace), blocks: blocks))
                whitespace = []

            case UInt8(ascii: "$"):
                position += 1
                let (name, transforms) = try readName(tag: tag)
                guard transforms.isEmpty else { throw error(TemplateSyntaxError.blockTransform, at: tag) }
                if state.parentTopLevel {
                    setNewLine = isStandalone(state)
                    blocks[name] = try parse(state.opening(name, [], tag: tag, newLine: setNewLine)).nodes
                } else {
                    output.text(whitespace)
                    setNewLine = isStandalone(state)
                    let content = try parse(state.opening(name, [], tag: tag, newLine: setNewLine)).nodes
                    output.append(.block(name, content: content, indentation: Array(whitespace)))
                    whitespace = []
                }

            case UInt8(ascii: "="):
                throw error(TemplateSyntaxError.setDelimiter, at: tag)

            case UInt8(ascii: "%"):
                throw error(TemplateSyntaxError.pragma, at: tag)

            default:
                output.text(whitespace)
                whitespace = []
                let (name, transforms) = try readName(tag: tag)
                let variable = try makeVariable(name, transforms, tag: tag)
                try checkAllowed(in: state, tag: tag)
                output.append(.variable(variable, escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.open {
            throw error(TemplateSyntaxError.notClosed, at: open.tag)
        }
        return (output.finish(), blocks)
    }

    /// The nodes of one level, with consecutive text joined.
    private struct NodeList {
        /// False directly inside a parent, where text is ignored.
        let keepsText: Bool
        var nodes: [Node] = []
        var pending: [UInt8] = []

        mutating func text(_ text: ArraySlice<UInt8>) {
            if keepsText { pending += text }
        }

        mutating func append(_ node: Node) {
            flush()
            nodes.append(node)
        }

        mutating func finish() -> [Node] {
            flush()
            return nodes
        }

        mutating func flush() {
            guard !pending.isEmpty else { return }
            nodes.append(.text(pending))
            pending = []
        }
    }
}

extension TemplateParser {
    private enum Stop { case newline, tag, end }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), lineFeed = UInt8(ascii: "\n")
    private static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")

    /// Reads text up to a line feed (left unread) or `{{` (left unread), or to the end.
    private mutating func readText() -> Stop {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.lineFeed { return .newline }
            if byte == Self.openBrace, position + 1 < bytes.count, bytes[position + 1] == Self.openBrace { return .tag }
            position += 1
        }
        return .end
    }

    private mutating func readSpacesAndTabs() -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, bytes[position] == Self.space || bytes[position] == Self.tab { position += 1 }
        return bytes[start..<position]
    }

    /// Whether the tag just read is alone on its line; if so, reads the rest of the line with its line break.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if position == bytes.count { return true }
        var end = position
        while end < bytes.count, bytes[end] == Self.space || bytes[end] == Self.tab { end += 1 }
        guard let length = newlineLength(at: end) else { return false }
        position = end + length
        return true
    }

    /// The name of a variable, section or block and its transforms: `a(b(c))` is `c` with `["a", "b"]`.
    private mutating func readName(tag: Int) throws -> (name: String, transforms: [String]) {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) || bytes[position] == 0x28 || bytes[position] == 0x29 {
            position += 1
        }
        let text = bytes[start..<position]
        skipWhitespace()
        try readTagEnd(tag: tag)

        // `a(b(c))`: words joined by `(`, then as many `)` as `(`, and no `)` elsewhere.
        let opening = text.filter { $0 == 0x28 }.count
        let words = text.dropLast(opening)
        guard text.suffix(opening).allSatisfy({ $0 == 0x29 }), !words.contains(0x29) else {
            throw error(TemplateSyntaxError.notFinished, at: tag)
        }
        let names = words.split(separator: 0x28, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        return (names[names.count - 1], names.dropLast())
    }

    /// The name in `{{> name}}` or `{{< name}}`, which may contain `/`.
    private mutating func readPartialName(tag: Int) throws -> String {
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "*") {
            throw error(TemplateSyntaxError.dynamicPartial, at: tag)
        }
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) || bytes[position] == UInt8(ascii: "/")
            || bytes[position] == 0x28 || bytes[position] == 0x29
        {
            position += 1
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        try readTagEnd(tag: tag)
        return name
    }

    private mutating func readTagEnd(tag: Int) throws {
        guard position + 1 < bytes.count, bytes[position] == Self.closeBrace, bytes[position + 1] == Self.closeBrace else {
            throw error(TemplateSyntaxError.notFinished, at: tag)
        }
        position += 2
    }

    /// Letters, digits and `.-_?*`: the characters swift-mustache allows in names, besides parentheses.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            true
        default:
            false
        }
    }

    private func makeVariable(_ name: String, _ transforms: [String], tag: Int) throws -> Template.Variable {
        if let unknown = transforms.first(where: { Template.Transform(rawValue: $0) == nil }) {
            throw error(TemplateSyntaxError.unknownTransform(unknown), at: tag)
        }
        return Template.Variable(name: name, transforms: transforms.reversed().compactMap(Template.Transform.init))
    }

    private func checkAllowed(in state: State, tag: Int) throws {
        if state.parentTopLevel { throw error(TemplateSyntaxError.tagInParent, at: tag) }
    }

    /// Skips what Swift's `Character.isWhitespace` accepts, line breaks included.
    private mutating func skipWhitespace() {
        while let scalar = scalar(at: position), scalar.properties.isWhitespace {
            position += newlineLength(at: position) ?? UTF8.width(scalar)
        }
    }

    /// The length of the line break at `index` as Swift's `Character.isNewline` sees it: LF, CR, CR LF, VT, FF,
    /// NEL, LS, PS.
    private func newlineLength(at index: Int) -> Int? {
        guard let scalar = scalar(at: index) else { return nil }
        switch scalar.value {
        case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == Self.lineFeed ? 2 : 1
        case 0x0A...0x0C, 0x85, 0x2028, 0x2029: return UTF8.width(scalar)
        default: return nil
        }
    }

    private func scalar(at index: Int) -> Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        if bytes[index] < 0x80 { return Unicode.Scalar(bytes[index]) }
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return scalar
    }

    /// The error at byte offset `offset`, with its line and column.
    private func error(_ message: String, at offset: Int) -> TemplateSyntaxError {
        let before = bytes[..<offset]
        let lineStart = before.lastIndex(of: Self.lineFeed).map { $0 + 1 } ?? 0
        return TemplateSyntaxError(message: message, line: before.filter { $0 == Self.lineFeed }.count + 1,
                                   column: bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1)
    }
}
