/// A heading of a page, with the id its anchor gets.
public struct Heading: Sendable, Hashable {
    public internal(set) var level: Int
    public internal(set) var text: String
    public internal(set) var id: String

    /// The headings of a Markdown document, in order, with unique ids.
    static func all(in document: MarkdownNode) -> [Heading] {
        var found: [(Int, String)] = []
        // Headings are blocks: only containers of blocks are searched, not the inlines of every paragraph.
        func search(_ node: MarkdownNode) {
            switch node.kind {
            case .heading(let level): found.append((level, node.plainText))
            case .document, .blockQuote, .list, .item: node.children.forEach(search)
            default: break
            }
        }
        search(document)
        let ids = Slug.unique(found.map(\.1))
        return zip(found, ids).map { Heading(level: $0.0, text: $0.1, id: $1) }
    }
}
