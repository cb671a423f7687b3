/// The terms of reference (kommissorium) of a body, from its front matter's `terms:` mapping.
///
/// Composition, chair, secretariat and reporting line are not repeated here: they come from the body itself.
public struct Terms: Sendable, Hashable {
    /// The document's title, e.g. "Kommissorium for Integrationsforum".
    public internal(set) var title: String?
    /// `draft` or `approved`.
    public internal(set) var status: String
    /// The version, e.g. "0.1".
    public internal(set) var version: String?
    /// The body that approved (or is to approve) the terms.
    public internal(set) var approvedBy: Reference?
    /// The approval date.
    public internal(set) var approved: Day?
    /// The purpose (Formål), as Markdown.
    public internal(set) var purpose: MarkdownText?
    /// The tasks (Opgaver), each a line of Markdown.
    public internal(set) var tasks: [MarkdownText] = []
    /// The period (Varighed), if it differs from the body's `established`/`ends`.
    public internal(set) var period: String?
    /// The meeting frequency, if it differs from the body's `meets`.
    public internal(set) var meets: String?
    /// Where `terms:` stands.
    public internal(set) var location: SourceLocation

    public init(status: String, location: SourceLocation) {
        self.status = status
        self.location = location
    }

    /// True while the terms are not approved.
    public var isDraft: Bool { status != "approved" }
}
