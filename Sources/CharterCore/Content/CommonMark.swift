import CCmark

/// The only door to the cmark C library: parses Markdown and copies cmark's tree into `MarkdownNode` values.
public enum CommonMark {
    /// Parses CommonMark text into a document node.
    ///
    /// ```swift
    /// let doc = CommonMark.parse("# Formål\n\nTekst")
    /// ```
    public static func parse(_ text: String) -> MarkdownNode {
        parse(text, maxDepth: maxDepth).document
    }

    /// How deep blocks and inlines may nest before the rest is flattened to text. Deeper trees are never written by
    /// people, and recursing into them could exhaust a thread's stack.
    public static let maxDepth = 48

    /// Parses `text`, flattening whatever nests deeper than `maxDepth` into plain text; `flattenedAt` is the line
    /// and column of the first flattened node, if any.
    public static func parse(_ text: String, maxDepth: Int) -> (document: MarkdownNode, flattenedAt: (line: Int, column: Int)?) {
        let root: OpaquePointer? = text.withCString { cmark_parse_document($0, text.utf8.count, CMARK_OPT_DEFAULT) }
        guard let root else { return (MarkdownNode(.document), nil) }
        defer { cmark_node_free(root) }
        var flattenedAt: (Int, Int)?
        let document = convert(root, depth: 0, maxDepth: maxDepth, flattenedAt: &flattenedAt)
        return (document, flattenedAt)
    }

    private static func convert(_ node: OpaquePointer, depth: Int, maxDepth: Int, flattenedAt: inout (Int, Int)?) -> MarkdownNode {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        if depth >= maxDepth {
            if flattenedAt == nil { flattenedAt = (line, column) }
            return MarkdownNode(.paragraph, children: [MarkdownNode(.text(flatText(node)))], line: line, column: column)
        }
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(convert(current, depth: depth + 1, maxDepth: maxDepth, flattenedAt: &flattenedAt))
            child = cmark_node_next(current)
        }
        return MarkdownNode(
            kind(of: node),
            children: children,
            line: Int(cmark_node_get_start_line(node)),
            column: Int(cmark_node_get_start_column(node))
        )
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
