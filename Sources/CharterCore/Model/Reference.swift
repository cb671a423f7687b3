/// A reference by id from one entity to another, remembered with where it was written.
public struct Reference: Sendable, Hashable {
    /// The id referred to.
    public var id: String
    /// Where the reference stands in the source.
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}

/// One member of a body: a reference and an optional label for the seat ("as: Mødeleder").
public struct Member: Sendable, Hashable {
    public var reference: Reference
    public var label: String?

    public init(reference: Reference, label: String? = nil) {
        self.reference = reference
        self.label = label
    }
}

/// Markdown written inside front matter (a purpose, a task, a goal), kept with its position for link diagnostics and
/// parsed once, when it is read: the model checks its links and the page renders it.
public struct MarkdownText: Sendable, Hashable {
    public let text: String
    public var location: SourceLocation
    /// `text` parsed.
    public let document: MarkdownNode

    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
        self.document = CommonMark.parse(text)
    }
}
