/// A heading of a page, with the id its anchor gets.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String

    /// The headings of a Markdown document, in order, with unique ids.
    public static func all(in document: MarkdownNode) -> [Heading] {
        var found: [(Int, String)] = []
        document.forEach { node in
            if case .heading(let level) = node.kind { found.append((level, node.plainText)) }
        }
        let ids = Slug.unique(found.map(\.1))
        return zip(found, ids).map { Heading(level: $0.0, text: $0.1, id: $1) }
    }
}
