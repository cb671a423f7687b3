/// A node of a parsed Markdown document, as a Swift value (cmark's tree, copied out at once).
struct MarkdownNode: Sendable, Hashable {
    /// What a node is, with the data that kind carries.
    package enum Kind: Sendable, Hashable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(source: String, title: String)
    }

    /// The node's kind.
    var kind: Kind
    /// Child nodes in document order.
    var children: [MarkdownNode]
    /// 1-based line of the node's start within the parsed text (0 if cmark gives none).
    var line: Int
    /// 1-based column of the node's start within the parsed text (0 if cmark gives none).
    var column: Int

    /// Creates a node.
    init(_ kind: Kind, children: [MarkdownNode] = [], line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.children = children
        self.line = line
        self.column = column
    }

    /// The node's text with all markup removed (used for heading ids, titles and link names).
    var plainText: String {
        switch kind {
        case .text(let s), .code(let s): return s
        case .softBreak, .lineBreak: return " "
        default: return children.map(\.plainText).joined()
        }
    }

    /// Visits this node and every descendant, depth first.
    func forEach(_ body: (MarkdownNode) throws -> Void) rethrows {
        try body(self)
        for child in children { try child.forEach(body) }
    }
}
