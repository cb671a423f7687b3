/// One thing the site describes — a body, unit, role, person, project or free page — read from one content file.
///
/// Fields that belong to one type only are nil or empty on the others; `EntitySchema` says which keys each type allows.
public struct Entity: Sendable, Identifiable {
    /// The fields, shared between copies until one of them changes (entities are copied often while rendering; a
    /// copy is then one reference count, not one per field).
    private var storage: Storage

    private final class Storage: @unchecked Sendable {  // safe: copy on write, changed only when uniquely referenced (`unique()`)
        var id: String
        var type: EntityType
        var title: String
        var summary: String? = nil
        var status: String? = nil
        var updated: Day? = nil
        var file: SourceFile
        var markdown: MarkdownNode
        var bodyLineOffset: Int
        var location: SourceLocation
        var short: String? = nil
        var shortLocation: SourceLocation? = nil
        var kind: String? = nil
        var kindLocation: SourceLocation? = nil
        var reportsTo: Reference? = nil
        var chair: Reference? = nil
        var chairTitle: String? = nil
        var members: [Member] = []
        var secretariat: Reference? = nil
        var meets: String? = nil
        var established: DateOrText? = nil
        var ends: DateOrText? = nil
        var replaces: [Reference] = []
        var replacedBy: Reference? = nil
        var terms: Terms? = nil
        var parent: Reference? = nil
        var head: Reference? = nil
        var sites: [String] = []
        var unit: Reference? = nil
        var heldBy: Reference? = nil
        var responsibilities: [MarkdownText] = []
        var roles: [Reference] = []
        var owner: Reference? = nil
        var units: [Reference] = []
        var start: DateOrText? = nil
        var inOperationBy: DateOrText? = nil
        var goals: [MarkdownText] = []
        var order: Int? = nil
        var headings: [Heading] = []
        var linkUses: [LinkUse] = []
        var rawHTML: [SourceLocation] = []
        var dated: [String: [DatedReference]] = [:]
        var memberHistory: [Member] = []
        var phases: [Phase] = []
        var agenda: [AgendaItem] = []
        var decisions: [Decision] = []

        init(id: String, type: EntityType, title: String, file: SourceFile, markdown: MarkdownNode, bodyLineOffset: Int,
             location: SourceLocation) {
            self.id = id
            self.type = type
            self.title = title
            self.file = file
            self.markdown = markdown
            self.bodyLineOffset = bodyLineOffset
            self.location = location
        }

        func copy() -> Storage {
            let copy = Storage(id: id, type: type, title: title, file: file, markdown: markdown, bodyLineOffset: bodyLineOffset,
                               location: location)
            copy.summary = summary
            copy.status = status
            copy.updated = updated
            copy.short = short
            copy.shortLocation = shortLocation
            copy.kind = kind
            copy.kindLocation = kindLocation
            copy.reportsTo = reportsTo
            copy.chair = chair
            copy.chairTitle = chairTitle
            copy.members = members
            copy.secretariat = secretariat
            copy.meets = meets
            copy.established = established
            copy.ends = ends
            copy.replaces = replaces
            copy.replacedBy = replacedBy
            copy.terms = terms
            copy.parent = parent
            copy.head = head
            copy.sites = sites
            copy.unit = unit
            copy.heldBy = heldBy
            copy.responsibilities = responsibilities
            copy.roles = roles
            copy.owner = owner
            copy.units = units
            copy.start = start
            copy.inOperationBy = inOperationBy
            copy.goals = goals
            copy.order = order
            copy.headings = headings
            copy.linkUses = linkUses
            copy.rawHTML = rawHTML
            copy.dated = dated
            copy.memberHistory = memberHistory
            copy.phases = phases
            copy.agenda = agenda
            copy.decisions = decisions
            return copy
        }
    }

    /// The storage, copied first if another entity shares it.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    // Common to every type.
    public var id: String {
        get { storage.id }
        set { unique().id = newValue }
    }
    public var type: EntityType {
        get { storage.type }
        set { unique().type = newValue }
    }
    public var title: String {
        get { storage.title }
        set { unique().title = newValue }
    }
    public var summary: String? {
        get { storage.summary }
        set { unique().summary = newValue }
    }
    public var status: String? {
        get { storage.status }
        set { unique().status = newValue }
    }
    /// A project that is only an idea (status `idea`): its dates are what it would take, not what is decided.
    var isCandidate: Bool { type == .project && status == "idea" }
    public var updated: Day? {
        get { storage.updated }
        set { unique().updated = newValue }
    }
    /// The content file the entity came from.
    public var file: SourceFile {
        get { storage.file }
        set { unique().file = newValue }
    }
    /// The Markdown body, parsed.
    var markdown: MarkdownNode {
        get { storage.markdown }
        set { unique().markdown = newValue }
    }
    /// Lines before the Markdown body in the file.
    public var bodyLineOffset: Int {
        get { storage.bodyLineOffset }
        set { unique().bodyLineOffset = newValue }
    }
    /// The file's text before the Markdown body (the front matter and its fences) and the body, as the reader split it.
    package var frontMatterAndBody: (front: Substring, body: Substring) { FrontMatter.parts(of: file.text) }
    /// Where the front matter's `id` or first line is: the location of the entity itself.
    public var location: SourceLocation {
        get { storage.location }
        set { unique().location = newValue }
    }

    // Body.
    public var short: String? {
        get { storage.short }
        set { unique().short = newValue }
    }
    /// Where `short` is written, for the warnings about a short name (`ShortNameChecker`).
    public var shortLocation: SourceLocation? {
        get { storage.shortLocation }
        set { unique().shortLocation = newValue }
    }
    public var kind: String? {
        get { storage.kind }
        set { unique().kind = newValue }
    }
    /// Where `kind` is written, for the diagnostic of a kind the site does not declare.
    public var kindLocation: SourceLocation? {
        get { storage.kindLocation }
        set { unique().kindLocation = newValue }
    }
    public var reportsTo: Reference? {
        get { storage.reportsTo }
        set { unique().reportsTo = newValue }
    }
    public var chair: Reference? {
        get { storage.chair }
        set { unique().chair = newValue }
    }
    /// The title of the body's chair as the organisation names it ("Formand", "Chair"); nil for the translation's label.
    public var chairTitle: String? {
        get { storage.chairTitle }
        set { unique().chairTitle = newValue }
    }
    public var members: [Member] {
        get { storage.members }
        set { unique().members = newValue }
    }
    public var secretariat: Reference? {
        get { storage.secretariat }
        set { unique().secretariat = newValue }
    }
    public var meets: String? {
        get { storage.meets }
        set { unique().meets = newValue }
    }
    public var established: DateOrText? {
        get { storage.established }
        set { unique().established = newValue }
    }
    public var ends: DateOrText? {
        get { storage.ends }
        set { unique().ends = newValue }
    }
    /// The bodies (or units) this one replaces: one, or several in a merger. Each gets this one as its successor.
    public var replaces: [Reference] {
        get { storage.replaces }
        set { unique().replaces = newValue }
    }
    public var replacedBy: Reference? {
        get { storage.replacedBy }
        set { unique().replacedBy = newValue }
    }
    public var terms: Terms? {
        get { storage.terms }
        set { unique().terms = newValue }
    }

    // Unit.
    public var parent: Reference? {
        get { storage.parent }
        set { unique().parent = newValue }
    }
    public var head: Reference? {
        get { storage.head }
        set { unique().head = newValue }
    }
    public var sites: [String] {
        get { storage.sites }
        set { unique().sites = newValue }
    }

    // Role.
    public var unit: Reference? {
        get { storage.unit }
        set { unique().unit = newValue }
    }
    public var heldBy: Reference? {
        get { storage.heldBy }
        set { unique().heldBy = newValue }
    }
    public var responsibilities: [MarkdownText] {
        get { storage.responsibilities }
        set { unique().responsibilities = newValue }
    }

    // Person.
    public var roles: [Reference] {
        get { storage.roles }
        set { unique().roles = newValue }
    }

    // Project.
    public var owner: Reference? {
        get { storage.owner }
        set { unique().owner = newValue }
    }
    public var units: [Reference] {
        get { storage.units }
        set { unique().units = newValue }
    }
    public var start: DateOrText? {
        get { storage.start }
        set { unique().start = newValue }
    }
    public var inOperationBy: DateOrText? {
        get { storage.inOperationBy }
        set { unique().inOperationBy = newValue }
    }
    public var goals: [MarkdownText] {
        get { storage.goals }
        set { unique().goals = newValue }
    }

    // Page.
    public var order: Int? {
        get { storage.order }
        set { unique().order = newValue }
    }

    // Found in the Markdown when the file is read (and kept with the entity, so a rebuild need not walk it again).
    /// The headings of the Markdown body.
    public var headings: [Heading] {
        get { storage.headings }
        set { unique().headings = newValue }
    }
    /// Every link and image destination in the body and in the front matter's Markdown, where it stands.
    public var linkUses: [LinkUse] {
        get { storage.linkUses }
        set { unique().linkUses = newValue }
    }
    /// Where raw HTML stands in the body and in the front matter's Markdown.
    public var rawHTML: [SourceLocation] {
        get { storage.rawHTML }
        set { unique().rawHTML = newValue }
    }


    /// Every value a reference field that changes over time has had or will have, with its period, by field name
    /// (`reports_to`, `parent`, `held_by`), when the content dates it; the field's own value (`reportsTo`, …) is the one
    /// among them that holds with no end given (else the last).
    public var dated: [String: [DatedReference]] {
        get { storage.dated }
        set { unique().dated = newValue }
    }

    /// Every member as written, with the periods of their seats; `members` are those that hold in the organisation a
    /// page shows (all of them, until `Chronology.snapshot(at:)` keeps those of its moment).
    public var memberHistory: [Member] {
        get { storage.memberHistory }
        set { unique().memberHistory = newValue }
    }

    /// A project's phases: its status through time (`phases:`); its `status` is that of the content's day.
    public var phases: [Phase] {
        get { storage.phases }
        set { unique().phases = newValue }
    }

    /// Items a body puts on its agenda again and again (`agenda:`).
    public var agenda: [AgendaItem] {
        get { storage.agenda }
        set { unique().agenda = newValue }
    }

    /// Decisions a body took (`decisions:`), in the order written.
    public var decisions: [Decision] {
        get { storage.decisions }
        set { unique().decisions = newValue }
    }

    init(id: String, type: EntityType, title: String, file: SourceFile, markdown: MarkdownNode,
                bodyLineOffset: Int, location: SourceLocation) {
        storage = Storage(id: id, type: type, title: title, file: file, markdown: markdown, bodyLineOffset: bodyLineOffset,
                          location: location)
    }

    /// Every outgoing reference with the name of the field it stands in, for resolution and backlinks.
    public var references: [(field: String, reference: Reference)] {
        var all: [(String, Reference)] = []
        func add(_ field: String, _ ref: Reference?) { if let ref { all.append((field, ref)) } }
        add("reports_to", reportsTo)
        add("chair", chair)
        all += members.map { ("members", $0.reference) }
        add("secretariat", secretariat)
        all += replaces.map { ("replaces", $0) }
        add("replaced_by", replacedBy)
        add("terms.approved_by", terms?.approvedBy)
        add("parent", parent)
        add("head", head)
        add("unit", unit)
        add("held_by", heldBy)
        all += roles.map { ("roles", $0) }
        add("owner", owner)
        all += units.map { ("units", $0) }
        // Earlier and later values of dated fields; the current one is already above.
        for field in dated.keys.sorted() {
            for value in dated[field]! where !all.contains(where: { $0.0 == field && $0.1 == value.reference }) {
                all.append((field, value.reference))
            }
        }
        return all
    }

    /// Every piece of Markdown written in the front matter.
    public var frontMatterMarkdown: [MarkdownText] {
        [terms?.purpose].compactMap { $0 } + (terms?.tasks ?? []) + responsibilities + goals
    }
}

/// A link or image destination written in an entity's Markdown, and where.
public struct LinkUse: Sendable, Hashable {
    public internal(set) var destination: String
    public internal(set) var location: SourceLocation
}
