import CharterTemplates

/// Renders a Markdown tree to HTML: headings get ids, links are rewritten to the site's pages, raw HTML is left
/// out unless allowed, and all text is escaped.
struct MarkdownHTML {
    /// Whether raw HTML blocks and inlines are passed through.
    var allowRawHTML: Bool
    /// Ids for the document's headings, in order.
    var headingIDs: [String]
    /// How many levels to push headings down (1 turns `#` into `h2` below a page's own `h1`).
    var headingShift: Int
    /// The href for a link destination, or nil to render the link's text alone.
    var href: (String) -> String?

    init(allowRawHTML: Bool = false, headingIDs: [String] = [], headingShift: Int = 0, href: @escaping (String) -> String?) {
        self.allowRawHTML = allowRawHTML
        self.headingIDs = headingIDs
        self.headingShift = headingShift
        self.href = href
    }

    /// The HTML of a whole document.
    func render(_ document: MarkdownNode) -> String {
        String(decoding: renderBytes(document), as: UTF8.self)
    }

    /// The HTML of a whole document as UTF-8 bytes (for a template, without making a `String`).
    func renderBytes(_ document: MarkdownNode) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        var headingIndex = 0
        render(document, into: &out, headingIndex: &headingIndex, tight: false)
        return out
    }

    /// The HTML of a one-paragraph text without the `<p>` around it (for list items written in front matter).
    func renderInline(_ document: MarkdownNode) -> String {
        if document.children.count == 1, case .paragraph = document.children[0].kind {
            var out: [UInt8] = []
            var headingIndex = 0
            for child in document.children[0].children { render(child, into: &out, headingIndex: &headingIndex, tight: false) }
            return String(decoding: out, as: UTF8.self)
        }
        return render(document)
    }

    /// Renders into a UTF-8 buffer: text is escaped straight into it, with no string per piece.
    private func render(_ node: MarkdownNode, into out: inout [UInt8], headingIndex: inout Int, tight: Bool) {
        func children(tight: Bool = false) {
            for child in node.children { render(child, into: &out, headingIndex: &headingIndex, tight: tight) }
        }
        func write(_ text: StaticString) { out.append(text) }
        func write(_ text: String) { out.append(contentsOf: text.utf8) }
        func escaped(_ text: String) { HTML.appendEscaped(text, to: &out) }
        switch node.kind {
        case .document: children()
        case .blockQuote:
            write("<blockquote>\n"); children(); write("</blockquote>\n")
        case .list(let ordered, let start, let isTight):
            if ordered && start != 1 { write("<ol start=\"\(start)\">\n") } else { write(ordered ? "<ol>\n" : "<ul>\n") }
            for child in node.children { render(child, into: &out, headingIndex: &headingIndex, tight: isTight) }
            write(ordered ? "</ol>\n" : "</ul>\n")
        case .item:
            write("<li>"); children(tight: tight); write("</li>\n")
        case .codeBlock(let info, let literal):
            write("<pre><code")
            if let language = info.split(separator: " ").first {
                write(" class=\"language-"); escaped(String(language)); write("\"")
            }
            write(">"); escaped(literal); write("</code></pre>\n")
        case .htmlBlock(let html):
            if allowRawHTML { write(html) }
        case .paragraph:
            if tight { children() } else { write("<p>"); children(); write("</p>\n") }
        case .heading(let level):
            let shown = min(6, level + headingShift)
            let id = headingIndex < headingIDs.count ? headingIDs[headingIndex] : Slug.make(node.plainText)
            headingIndex += 1
            write("<h\(shown) id=\""); escaped(id); write("\">"); children(); write("</h\(shown)>\n")
        case .thematicBreak: write("<hr>\n")
        case .text(let text): escaped(text)
        case .softBreak: write("\n")
        case .lineBreak: write("<br>\n")
        case .code(let code): write("<code>"); escaped(code); write("</code>")
        case .htmlInline(let html):
            if allowRawHTML { write(html) }
        case .emphasis: write("<em>"); children(); write("</em>")
        case .strong: write("<strong>"); children(); write("</strong>")
        case .link(let destination, let title):
            guard let target = href(destination) else { children(); return }
            write("<a href=\""); escaped(target); write("\"")
            if !title.isEmpty { write(" title=\""); escaped(title); write("\"") }
            write(">"); children(); write("</a>")
        case .image(let source, let title):
            guard let target = href(source) else { escaped(node.plainText); return }
            write("<img src=\""); escaped(target); write("\" alt=\""); escaped(node.plainText); write("\"")
            if !title.isEmpty { write(" title=\""); escaped(title); write("\"") }
            write(">")
        }
    }
}
