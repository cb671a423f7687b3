import CCmark
import Foundation

/// The only door to the cmark C library: parses Markdown and copies cmark's tree into `MarkdownNode` values.
enum CommonMark {
    /// Parses CommonMark text into a document node.
    ///
    /// ```swift
    /// let doc = CommonMark.parse("# Formål\n\nTekst")
    /// ```
    static func parse(_ text: String) -> MarkdownNode {
        parse(text, maxDepth: maxDepth).document
    }

    /// How deep blocks and inlines may nest before the rest is flattened to text. Deeper trees are never written by
    /// people, and recursing into them could exhaust a thread's stack.
    static let maxDepth = 48

    /// Parses `text`, flattening whatever nests deeper than `maxDepth` into plain text; `flattenedAt` is the line
    /// and column of the first flattened node, if any.
    static func parse(_ text: String, maxDepth: Int) -> (document: MarkdownNode, flattenedAt: (line: Int, column: Int)?) {
        // SOURCEPOS makes cmark follow line breaks inside inlines (raw HTML, code spans) when it places the next ones.
        let root: OpaquePointer? = text.withCString { cmark_parse_document($0, text.utf8.count, CMARK_OPT_SOURCEPOS) }
        guard let root else { return (MarkdownNode(.document), nil) }
        defer { cmark_node_free(root) }
        var flattenedAt: (Int, Int)?
        let source = SourceText(text)
        let document = convert(root, depth: 0, maxDepth: maxDepth, source: source, enclosing: (1, 1), flattenedAt: &flattenedAt)
        return (document, flattenedAt)
    }

    /// The place of `node` in the text, in Unicode scalars. Blocks are placed by cmark. cmark 0.30 misplaces inlines
    /// (after a link destination or reference definitions that span lines, and autolinks after a line break), so a link,
    /// image or raw HTML is placed by cmark only when the text there starts as it must; every other inline, and one
    /// that does not match, gets its block's place.
    private static func place(of node: OpaquePointer, source: SourceText, enclosing: (line: Int, column: Int)) -> (line: Int, column: Int) {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        let openers: (UInt8, UInt8)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_LINK: openers = (UInt8(ascii: "["), UInt8(ascii: "<"))
        case CMARK_NODE_IMAGE: openers = (UInt8(ascii: "!"), UInt8(ascii: "!"))
        case CMARK_NODE_HTML_INLINE: openers = (UInt8(ascii: "<"), UInt8(ascii: "<"))
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            return enclosing
        default:
            return line > 0 ? (line, source.scalarColumn(line: line, byteColumn: column)) : enclosing
        }
        func opens(_ line: Int, _ column: Int) -> Bool {
            let byte = source.byte(line: line, column: column)
            return byte == openers.0 || byte == openers.1
        }
        if opens(line, column) { return (line, source.scalarColumn(line: line, byteColumn: column)) }
        // An autolink's text is placed right where the autolink is not: the `<` is just before it.
        if let text = cmark_node_first_child(node), cmark_node_get_type(text) == CMARK_NODE_TEXT {
            let (textLine, textColumn) = (Int(cmark_node_get_start_line(text)), Int(cmark_node_get_start_column(text)) - 1)
            if opens(textLine, textColumn) { return (textLine, source.scalarColumn(line: textLine, byteColumn: textColumn)) }
        }
        return enclosing
    }

    /// The text as cmark reads it (a NUL is U+FFFD, three bytes), to check cmark's places and count their columns.
    struct SourceText {
        let bytes: [UInt8]
        let lineStarts: [Int]

        init(_ text: String) {
            bytes = ByteScanning.utf8ReplacingNUL(text)
            lineStarts = ByteScanning.lineStarts(in: bytes)
        }

        /// The byte at cmark's 1-based line and byte column, if that is inside the line.
        func byte(line: Int, column: Int) -> UInt8? {
            guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
            let index = lineStarts[line - 1] + column - 1
            let end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
            return index < end ? bytes[index] : nil
        }

        /// cmark's byte column as a column in Unicode scalars, as `SourceLocation` counts.
        func scalarColumn(line: Int, byteColumn: Int) -> Int {
            guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return byteColumn }
            let start = lineStarts[line - 1]
            let end = min(start + byteColumn - 1, bytes.count)
            return 1 + UTF8Scalars.count(in: bytes, start..<end)
        }
    }

    private static func convert(_ node: OpaquePointer, depth: Int, maxDepth: Int, source: SourceText,
                                enclosing: (line: Int, column: Int), flattenedAt: inout (Int, Int)?) -> MarkdownNode {
        let (line, column) = place(of: node, source: source, enclosing: enclosing)
        if depth >= maxDepth {
            if flattenedAt == nil { flattenedAt = (line, column) }
            return MarkdownNode(.paragraph, children: [MarkdownNode(.text(flatText(node)))], line: line, column: column)
        }
        var count = 0
        var sibling = cmark_node_first_child(node)
        while let current = sibling {
            count += 1
            sibling = cmark_node_next(current)
        }
        var children: [MarkdownNode] = []
        children.reserveCapacity(count)  // one allocation per node with children, not one per doubling
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(convert(current, depth: depth + 1, maxDepth: maxDepth, source: source, enclosing: (line, column),
                                    flattenedAt: &flattenedAt))
            child = cmark_node_next(current)
        }
        return MarkdownNode(kind(of: node), children: children, line: line, column: column)
    }

    /// The text of a subtree, gathered with cmark's own iterator (no recursion).
    private static func flatText(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0
            )
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: return .document
        }
    }
}
