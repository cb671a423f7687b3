/// One thing the site describes — a body, unit, role, person, project or free page — read from one content file.
///
/// Fields that belong to one type only are nil or empty on the others; `EntitySchema` says which keys each type allows.
public struct Entity: Sendable, Identifiable {
    // Common to every type.
    public var id: String
    public var type: EntityType
    public var title: String
    public var summary: String?
    public var status: String?
    public var updated: Day?
    /// The content file the entity came from.
    public var file: SourceFile
    /// The Markdown body, parsed.
    public var markdown: MarkdownNode
    /// Lines before the Markdown body in the file.
    public var bodyLineOffset: Int
    /// Where the front matter's `id` or first line is: the location of the entity itself.
    public var location: SourceLocation

    // Body.
    public var short: String?
    public var kind: String?
    public var reportsTo: Reference?
    public var chair: Reference?
    public var members: [Member] = []
    public var secretariat: Reference?
    public var meets: String?
    public var established: DateOrText?
    public var ends: DateOrText?
    public var replaces: Reference?
    public var replacedBy: Reference?
    public var terms: Terms?

    // Unit.
    public var parent: Reference?
    public var head: Reference?
    public var sites: [String] = []

    // Role.
    public var unit: Reference?
    public var heldBy: Reference?
    public var responsibilities: [MarkdownText] = []

    // Person.
    public var roles: [Reference] = []

    // Project.
    public var owner: Reference?
    public var units: [Reference] = []
    public var start: DateOrText?
    public var inOperationBy: DateOrText?
    public var goals: [MarkdownText] = []

    // Page.
    public var order: Int?

    public init(id: String, type: EntityType, title: String, file: SourceFile, markdown: MarkdownNode,
                bodyLineOffset: Int, location: SourceLocation) {
        self.id = id
        self.type = type
        self.title = title
        self.file = file
        self.markdown = markdown
        self.bodyLineOffset = bodyLineOffset
        self.location = location
    }

    /// Every outgoing reference with the name of the field it stands in, for resolution and backlinks.
    public var references: [(field: String, reference: Reference)] {
        var all: [(String, Reference)] = []
        func add(_ field: String, _ ref: Reference?) { if let ref { all.append((field, ref)) } }
        add("reports_to", reportsTo)
        add("chair", chair)
        all += members.map { ("members", $0.reference) }
        add("secretariat", secretariat)
        add("replaces", replaces)
        add("replaced_by", replacedBy)
        add("terms.approved_by", terms?.approvedBy)
        add("parent", parent)
        add("head", head)
        add("unit", unit)
        add("held_by", heldBy)
        all += roles.map { ("roles", $0) }
        add("owner", owner)
        all += units.map { ("units", $0) }
        return all
    }

    /// Every piece of Markdown written in the front matter.
    public var frontMatterMarkdown: [MarkdownText] {
        [terms?.purpose].compactMap { $0 } + (terms?.tasks ?? []) + responsibilities + goals
    }
}
