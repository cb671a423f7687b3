/// The whole organisation as one checked model: entities by id, resolved links, backlinks and derived relations.
public struct Site: Sendable {
    /// The site's settings.
    public internal(set) var config: SiteConfig
    /// Every entity, in a stable order (type, then title).
    public internal(set) var entities: [Entity] { didSet { byType = Self.group(entities) } }
    /// The entities of each type, in site order (kept with `entities`, so that pages need not filter it again).
    private var byType: [EntityType: [Entity]] = [:]
    /// Position in `entities` by id.
    public internal(set) var index: [String: Int]
    /// The headings of each entity's Markdown, by id.
    public internal(set) var headings: [String: [Heading]]
    /// How each link destination written in an entity's Markdown resolves, by entity id and destination.
    public internal(set) var links: [String: [String: LinkTarget]]
    /// Who refers to each entity (by reference field or by a link in the text), by id.
    public internal(set) var backlinks: [String: [Backlink]]
    /// Relations derived from the references (who sits where, what reports to what).
    package var relations = Relations()
    /// The interface's words in the site's language (set by the build once the templates are read).
    package var translation = Translation(language: "da")
    /// The day this site was made as of by `asOf(_:)`, if it was.
    var snapshotDay: Day?

    package init(config: SiteConfig, entities: [Entity], index: [String: Int], headings: [String: [Heading]],
                links: [String: [String: LinkTarget]], backlinks: [String: [Backlink]], relations: Relations = Relations()) {
        self.config = config
        self.entities = entities
        self.byType = Self.group(entities)
        self.index = index
        self.headings = headings
        self.links = links
        self.backlinks = backlinks
        self.relations = relations
    }

    /// The entity with `id`, if any.
    public subscript(id: String) -> Entity? {
        index[id].map { entities[$0] }
    }

    /// The entities of one type, in site order.
    public func entities(of type: EntityType) -> [Entity] {
        byType[type] ?? []
    }

    private static func group(_ entities: [Entity]) -> [EntityType: [Entity]] {
        Dictionary(grouping: entities, by: \.type)
    }
}

/// Where a link written in Markdown goes, once resolved.
public enum LinkTarget: Sendable, Hashable {
    /// Another page of the site, optionally at a heading.
    case entity(id: String, anchor: String?)
    /// A heading on the same page.
    case anchor(String)
    /// Outside the site (http, https, mailto, tel), kept as written.
    case external(String)
    /// Left out of the output: a broken or unsafe link (its diagnostic was reported).
    case dropped
}

/// One entity that refers to another, and how.
public struct Backlink: Sendable, Hashable {
    /// The referring entity's id.
    public internal(set) var from: String
    /// How it refers: a field name ("members") or "text" for a link in the prose.
    public internal(set) var via: String
}
