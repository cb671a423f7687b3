extension Entity {
    /// Every value an entity holds, in one struct: `Entity` keeps it in shared storage and reads each by its name
    /// (`entity.chair` is `entity.fields.chair`), so a field is declared here once.
    ///
    /// Fields that belong to one type only are nil or empty on the others; `EntityFields` says which front-matter key
    /// each type allows and how it is read into these.
    public struct Fields: Sendable {
        // Common to every type.
        public internal(set) var id: String
        public internal(set) var type: EntityType
        public internal(set) var title: String
        public internal(set) var summary: String? = nil
        public internal(set) var status: String? = nil
        public internal(set) var updated: Day? = nil
        /// The content file the entity came from.
        public internal(set) var file: SourceFile
        /// The Markdown body, parsed.
        var markdown: MarkdownNode
        /// Lines before the Markdown body in the file.
        public internal(set) var bodyLineOffset: Int
        /// Where the front matter's `id` or first line is: the location of the entity itself.
        public internal(set) var location: SourceLocation

        // Body.
        public internal(set) var short: String? = nil
        /// Where `short` is written, for the warnings about a short name (`ShortNameChecker`).
        public internal(set) var shortLocation: SourceLocation? = nil
        public internal(set) var kind: String? = nil
        /// Where `kind` is written, for the diagnostic of a kind the site does not declare.
        public internal(set) var kindLocation: SourceLocation? = nil
        public internal(set) var reportsTo: Reference? = nil
        public internal(set) var chair: Reference? = nil
        /// The title of the body's chair as the organisation names it ("Formand", "Chair"); nil for the translation's label.
        public internal(set) var chairTitle: String? = nil
        public internal(set) var members: [Member] = []
        public internal(set) var secretariat: Reference? = nil
        public internal(set) var meets: String? = nil
        public internal(set) var established: DateOrText? = nil
        public internal(set) var ends: DateOrText? = nil
        /// The bodies (or units) this one replaces: one, or several in a merger. Each gets this one as its successor.
        public internal(set) var replaces: [Reference] = []
        public internal(set) var replacedBy: Reference? = nil
        public internal(set) var terms: Terms? = nil
        /// Items a body puts on its agenda again and again (`agenda:`).
        public internal(set) var agenda: [AgendaItem] = []
        /// Decisions a body took (`decisions:`), in the order written.
        public internal(set) var decisions: [Decision] = []
        /// Every member as written, with the periods of their seats; `members` are those that hold in the organisation a
        /// page shows (all of them, until `Chronology.snapshot(at:)` keeps those of its moment).
        public internal(set) var memberHistory: [Member] = []

        // Unit.
        public internal(set) var parent: Reference? = nil
        public internal(set) var head: Reference? = nil
        public internal(set) var sites: [String] = []

        // Role.
        public internal(set) var unit: Reference? = nil
        public internal(set) var heldBy: Reference? = nil
        public internal(set) var responsibilities: [MarkdownText] = []

        // Person.
        public internal(set) var roles: [Reference] = []

        // Project.
        public internal(set) var owner: Reference? = nil
        public internal(set) var units: [Reference] = []
        public internal(set) var start: DateOrText? = nil
        public internal(set) var inOperationBy: DateOrText? = nil
        public internal(set) var goals: [MarkdownText] = []
        /// A project's phases: its status through time (`phases:`); its `status` is that of the content's day.
        public internal(set) var phases: [Phase] = []

        // Page.
        public internal(set) var order: Int? = nil

        /// Every value a reference field that changes over time has had or will have, with its period, by field name
        /// (`reports_to`, `parent`, `held_by`), when the content dates it; the field's own value (`reportsTo`, …) is the
        /// one among them that holds with no end given (else the last).
        public internal(set) var dated: [String: [DatedReference]] = [:]

        // Found in the Markdown when the file is read (and kept with the entity, so a rebuild need not walk it again).
        /// The headings of the Markdown body.
        public internal(set) var headings: [Heading] = []
        /// Every link and image destination in the body and in the front matter's Markdown, where it stands.
        public internal(set) var linkUses: [LinkUse] = []
        /// Where raw HTML stands in the body and in the front matter's Markdown.
        public internal(set) var rawHTML: [SourceLocation] = []

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
    }
}
