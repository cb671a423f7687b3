/// Renders a Markdown tree to HTML: headings get ids, links are rewritten to the site's pages, raw HTML is left
/// out unless allowed, and all text is escaped.
public struct MarkdownHTML {
    /// Whether raw HTML blocks and inlines are passed through.
    public var allowRawHTML: Bool
    /// Ids for the document's headings, in order.
    public var headingIDs: [String]
    /// How many levels to push headings down (1 turns `#` into `h2` below a page's own `h1`).
    public var headingShift: Int
    /// The href for a link destination, or nil to render the link's text alone.
    public var href: (String) -> String?

    public init(allowRawHTML: Bool = false, headingIDs: [String] = [], headingShift: Int = 0, href: @escaping (String) -> String?) {
        self.allowRawHTML = allowRawHTML
        self.headingIDs = headingIDs
        self.headingShift = headingShift
        self.href = href
    }

    /// The HTML of a whole document.
    public func render(_ document: MarkdownNode) -> String {
        var out = ""
        var headingIndex = 0
        render(document, into: &out, headingIndex: &headingIndex, tight: false)
        return out
    }

    /// The HTML of a one-paragraph text without the `<p>` around it (for list items written in front matter).
    public func renderInline(_ document: MarkdownNode) -> String {
        if document.children.count == 1, case .paragraph = document.children[0].kind {
            var out = ""
            var headingIndex = 0
            for child in document.children[0].children { render(child, into: &out, headingIndex: &headingIndex, tight: false) }
            return out
        }
        return render(document)
    }

    private func render(_ node: MarkdownNode, into out: inout String, headingIndex: inout Int, tight: Bool) {
        func children(tight: Bool = false) {
            for child in node.children { render(child, into: &out, headingIndex: &headingIndex, tight: tight) }
        }
        switch node.kind {
        case .document: children()
        case .blockQuote:
            out += "<blockquote>\n"; children(); out += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            let tag = ordered ? "ol" : "ul"
            out += ordered && start != 1 ? "<ol start=\"\(start)\">\n" : "<\(tag)>\n"
            for child in node.children { render(child, into: &out, headingIndex: &headingIndex, tight: isTight) }
            out += "</\(tag)>\n"
        case .item:
            out += "<li>"; children(tight: tight); out += "</li>\n"
        case .codeBlock(let info, let literal):
            let language = info.split(separator: " ").first.map { " class=\"language-\(HTML.escape(String($0)))\"" } ?? ""
            out += "<pre><code\(language)>\(HTML.escape(literal))</code></pre>\n"
        case .htmlBlock(let html):
            if allowRawHTML { out += html }
        case .paragraph:
            if tight { children() } else { out += "<p>"; children(); out += "</p>\n" }
        case .heading(let level):
            let shown = min(6, level + headingShift)
            let id = headingIndex < headingIDs.count ? headingIDs[headingIndex] : Slug.make(node.plainText)
            headingIndex += 1
            out += "<h\(shown) id=\"\(HTML.escape(id))\">"; children(); out += "</h\(shown)>\n"
        case .thematicBreak: out += "<hr>\n"
        case .text(let text): out += HTML.escape(text)
        case .softBreak: out += "\n"
        case .lineBreak: out += "<br>\n"
        case .code(let code): out += "<code>\(HTML.escape(code))</code>"
        case .htmlInline(let html):
            if allowRawHTML { out += html }
        case .emphasis: out += "<em>"; children(); out += "</em>"
        case .strong: out += "<strong>"; children(); out += "</strong>"
        case .link(let destination, let title):
            guard let target = href(destination) else { children(); return }
            let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
            out += "<a href=\"\(HTML.escape(target))\"\(titleAttribute)>"; children(); out += "</a>"
        case .image(let source, let title):
            guard let target = href(source) else { out += HTML.escape(node.plainText); return }
            let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
            out += "<img src=\"\(HTML.escape(target))\" alt=\"\(HTML.escape(node.plainText))\"\(titleAttribute)>"
        }
    }
}
