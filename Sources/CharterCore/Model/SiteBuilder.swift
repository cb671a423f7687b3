import Foundation

/// Builds the checked `Site` model from the content tree: reads entities, then checks ids, references, cycles and links.
///
/// ```swift
/// var diagnostics = Diagnostics()
/// let tree = ContentTree.load(from: "content", into: &diagnostics)
/// let site = SiteBuilder.build(tree, into: &diagnostics)
/// ```
public enum SiteBuilder {
    /// Builds the model, adding every problem to `diagnostics`. With a `cache`, files whose text did not change since
    /// the last build with the same cache are not parsed again.
    public static func build(_ tree: ContentTree, cache: EntityCache? = nil, into diagnostics: inout Diagnostics) -> Site {
        let config = tree.config.map { SiteConfig.read($0, into: &diagnostics) } ?? SiteConfig()
        let read = tree.files.concurrentMap { file -> (Entity?, Diagnostics) in
            if let cache { return cache.read(file) }
            var local = Diagnostics()
            let entity = EntityReader.read(file, into: &local)
            return (entity, local)
        }
        cache?.keep(only: Set(tree.files.map(\.path)))
        var entities: [Entity] = []
        for (entity, local) in read {
            diagnostics.append(contentsOf: local)
            if let entity { entities.append(entity) }
        }
        entities = checkIDs(entities, &diagnostics)
        checkKinds(entities, config.vocabulary, &diagnostics)
        ShortNameChecker.check(entities, &diagnostics)
        // Sort keys made once per entity, not once per comparison.
        let keys = entities.map { ($0.type.sortKey, $0.order ?? Int.max, $0.title.lowercased(), $0.id) }
        entities = keys.indices.sorted { keys[$0] < keys[$1] }.map { entities[$0] }
        let index = Dictionary(uniqueKeysWithValues: entities.enumerated().map { ($1.id, $0) })
        var site = Site(config: config, entities: entities, index: index, headings: [:], links: [:], backlinks: [:])
        site.headings = Dictionary(uniqueKeysWithValues: entities.map { ($0.id, $0.headings) })
        // The references (checks and relations) are checked on a core of their own while the links are resolved, and
        // then their backlinks found, on all cores. (Not as two halves of one `concurrentPerform`: libdispatch runs a
        // `concurrentPerform` nested in another on one thread.)
        // Safe: written only by the one task below, read only after `references.wait()` has seen it end.
        nonisolated(unsafe) var referenceDiagnostics = Diagnostics()
        nonisolated(unsafe) var relations = Relations()
        let checked = site
        let references = DispatchGroup()
        DispatchQueue.global().async(group: references) {
            ReferenceChecker.check(checked, &referenceDiagnostics)
            relations = Relations(of: checked)
        }
        var linkDiagnostics = Diagnostics()
        site.links = LinkResolver.resolveAll(in: checked, cache: cache, &linkDiagnostics)
        site.backlinks = Self.backlinks(of: site)
        references.wait()
        diagnostics.append(contentsOf: referenceDiagnostics)
        diagnostics.append(contentsOf: linkDiagnostics)
        site.relations = relations
        return site
    }

    /// Reports malformed, reserved and duplicate ids; keeps the first of each duplicate so later checks still run.
    static func checkIDs(_ entities: [Entity], _ diagnostics: inout Diagnostics) -> [Entity] {
        var seen: [String: Entity] = [:]
        var kept: [Entity] = []
        for entity in entities {
            let id = entity.id
            if id.isEmpty || !id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
                diagnostics.error("id '\(id)' may hold only lowercase letters a–z, digits and '-' (suggestion: '\(Slug.make(id))')",
                                  at: entity.location)
            }
            if EntitySchema.reservedIDs.contains(id) {
                diagnostics.error("id '\(id)' is reserved for a page Charter makes itself; rename the file or set another 'id'",
                                  at: entity.location)
                continue
            }
            if id == "index", entity.type != .page {
                diagnostics.error("id 'index' is the home page and must have type 'page'", at: entity.location)
                continue
            }
            let key = id.utf8.allSatisfy { $0 < 0x80 } ? id.lowercased() : id.precomposedStringWithCanonicalMapping.lowercased()
            if let first = seen[key] {
                let same = Array(first.id.unicodeScalars) == Array(id.unicodeScalars) ? "" : " (ids that differ only in case or Unicode form are the same page)"
                diagnostics.error("duplicate id '\(id)'\(same); first defined in \(first.file.path)", at: entity.location)
                continue
            }
            seen[key] = entity
            kept.append(entity)
        }
        return kept
    }

    /// Who refers to each entity, ordered by the referring entity's place in the site, then by field.
    static func backlinks(of site: Site) -> [String: [Backlink]] {
        // What each entity refers to (by the target's place in the site), found on all cores; merged in site order, so
        // each list comes out sorted by its referrer without a sort.
        let found = site.entities.concurrentMap { entity -> [Pair] in
            var pairs: [Pair] = []
            for (field, reference) in entity.references where reference.id != entity.id {
                if let target = site.index[reference.id] { pairs.append(Pair(target: target, via: field)) }
            }
            for target in site.links[entity.id, default: [:]].values {
                if case .entity(let id, _) = target, id != entity.id, let index = site.index[id] {
                    pairs.append(Pair(target: index, via: "text"))
                }
            }
            // By field, and each (target, field) once.
            pairs.sort { ($0.via, $0.target) < ($1.via, $1.target) }
            var unique: [Pair] = []
            for pair in pairs where unique.last != pair { unique.append(pair) }
            return unique
        }
        var lists = [[Backlink]](repeating: [], count: site.entities.count)
        for (entity, pairs) in zip(site.entities, found) {
            for pair in pairs { lists[pair.target].append(Backlink(from: entity.id, via: pair.via)) }
        }
        var result: [String: [Backlink]] = [:]
        for (entity, list) in zip(site.entities, lists) where !list.isEmpty { result[entity.id] = list }
        return result
    }

    private struct Pair: Equatable, Sendable {
        /// The target's place in `site.entities`.
        var target: Int
        var via: String
    }
}

extension EntityType {
    var sortKey: Int { EntityType.allCases.firstIndex(of: self)! }
}

extension SiteBuilder {
    /// Reports every `kind:` that the site's vocabulary does not declare for the entity's type.
    static func checkKinds(_ entities: [Entity], _ vocabulary: Vocabulary, _ diagnostics: inout Diagnostics) {
        for entity in entities {
            guard let kind = entity.kind, vocabulary.label(ofKind: kind, for: entity.type) == nil else { continue }
            let declared = vocabulary.kinds[entity.type, default: []].map(\.key)
            let known = declared.isEmpty ? "none is declared" : "use one of \(declared.joined(separator: ", "))"
            let place = vocabulary.kindsDeclaredAt[entity.type].map { "under 'kinds: \(entity.type.rawValue):' (\($0))" }
                ?? "in site.yml under 'kinds: \(entity.type.rawValue):'"
            let hint = Spelling.nearest(to: kind, in: Set(declared)).map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.error("unknown kind '\(kind)' for a \(entity.type.rawValue)\(hint); \(known), or declare it \(place)",
                              at: entity.kindLocation ?? entity.location)
        }
    }
}
