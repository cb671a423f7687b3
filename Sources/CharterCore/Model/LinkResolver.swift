import Foundation

/// Resolves every link written in the content's Markdown: to another page, a heading, or outside the site.
///
/// Broken links (unknown file, id or heading) and unsafe ones (`javascript:`, `data:`, …) are errors at the link's
/// line and column; they resolve to `.dropped` so the page still renders them as plain text.
enum LinkResolver {
    static let safeSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Resolves the links of every entity. With a `cache` from the last build, an entity whose links are the same is
    /// not resolved again as long as what links resolve against (ids, files, headings) is the same too.
    static func resolveAll(in site: Site, cache: EntityCache? = nil, _ diagnostics: inout Diagnostics) -> [String: [String: LinkTarget]] {
        let byPath = Dictionary(site.entities.map { ($0.file.relativePath, $0.id) }, uniquingKeysWith: { first, _ in first })
        let environment = cache == nil ? 0 : Self.environment(of: site)
        let last = cache?.resolvedLinks(environment: environment) ?? [:]
        let results = site.entities.concurrentMap { entity -> ResolvedLinks in
            if let known = last[entity.id], known.uses == entity.linkUses, known.rawHTML == entity.rawHTML { return known }
            var local = Diagnostics()
            var targets: [String: LinkTarget] = [:]
            let folder = entity.file.relativePath.utf8.split(separator: UInt8(ascii: "/")).dropLast().map { String(Substring($0)) }
            for use in entity.linkUses {
                targets[use.destination] = resolve(use.destination, from: entity, folder: folder, site: site, byPath: byPath,
                                                   at: use.location, &local)
            }
            if !site.config.allowRawHTML {
                for location in entity.rawHTML {
                    local.warning("raw HTML left out: the site's config does not allow it (allow_raw_html in site.yml)", at: location)
                }
            }
            return ResolvedLinks(id: entity.id, uses: entity.linkUses, rawHTML: entity.rawHTML, targets: targets, diagnostics: local)
        }
        cache?.remember(results, environment: environment)
        var all: [String: [String: LinkTarget]] = [:]
        for resolved in results {
            all[resolved.id] = resolved.targets
            diagnostics.append(contentsOf: resolved.diagnostics)
        }
        return all
    }

    /// A fingerprint of what links resolve against: every entity's id, file and anchors, and whether raw HTML is allowed.
    static func environment(of site: Site) -> Int {
        var hasher = Hasher()
        hasher.combine(site.config.allowRawHTML)
        for entity in site.entities {
            hasher.combine(entity.id)
            hasher.combine(entity.file.relativePath)
            hasher.combine(entity.terms != nil)
            hasher.combine(entity.headings.count)
            for heading in entity.headings { hasher.combine(heading.id) }
        }
        return hasher.finalize()
    }

    /// The link and image destinations of an entity's Markdown and the places of its raw HTML, in file order.
    static func uses(in entity: Entity) -> (links: [LinkUse], rawHTML: [SourceLocation]) {
        var links: [LinkUse] = []
        var rawHTML: [SourceLocation] = []
        visit(entity) { node, location in
            switch node.kind {
            case .link(let destination, _), .image(let destination, _): links.append(LinkUse(destination: destination, location: location()))
            case .htmlBlock, .htmlInline: rawHTML.append(location())
            default: break
            }
        }
        return (links, rawHTML)
    }

    /// Calls `body` for every Markdown node of an entity (its text and the Markdown in its front matter), with a
    /// function that gives the node's location in the file (made only when asked for).
    static func visit(_ entity: Entity, _ body: (MarkdownNode, () -> SourceLocation) -> Void) {
        func walk(_ node: MarkdownNode, block: (line: Int, column: Int), place: @escaping (Int, Int) -> SourceLocation) {
            let block = node.line > 0 ? (node.line, node.column) : block
            body(node, { place(block.0, block.1) })
            for child in node.children { walk(child, block: block, place: place) }
        }
        walk(entity.markdown, block: (1, 1)) { line, column in
            SourceLocation(path: entity.file.path, line: line + entity.bodyLineOffset, column: column)
        }
        for text in entity.frontMatterMarkdown {
            walk(text.document, block: (1, 1)) { line, column in
                // A place inside a value maps onto the file only while it stays on the value's first line as written;
                // a folded, block or multi-line value is reported at its start.
                let mapped = text.location.column + column - 1
                let index = text.location.line - 1
                guard line == 1, let length = scalarCount(ofLine: index, in: entity.file.text), mapped <= length else { return text.location }
                return SourceLocation(path: text.location.path, line: text.location.line, column: mapped)
            }
        }
    }

    /// The number of Unicode scalars on the 0-based line `index` of `text`, or nil when it has no such line.
    static func scalarCount(ofLine index: Int, in text: String) -> Int? {
        UTF8Scalars.count(ofLine: index, in: text)
    }

    /// The anchors a page of `entity` has: its headings, and the sections Charter generates for its type.
    static func anchors(of entity: Entity, in site: Site) -> Set<String> {
        var anchors = Set(site.headings[entity.id, default: []].map(\.id))
        if entity.terms != nil { anchors.formUnion(TermsSection.allCases.map(\.id)) }
        anchors.insert("henvisninger")
        return anchors
    }

    static func resolve(_ destination: String, from entity: Entity, folder: [String], site: Site, byPath: [String: String],
                        at location: SourceLocation, _ diagnostics: inout Diagnostics) -> LinkTarget {
        let trimmed: String
        if let first = destination.utf8.first, let last = destination.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            trimmed = destination  // nothing to trim: the common case, checked on the bytes
        } else {
            var blankless = Substring(destination)
            while let first = blankless.first, first.isWhitespace { blankless.removeFirst() }
            while let last = blankless.last, last.isWhitespace { blankless.removeLast() }
            trimmed = String(blankless)
        }
        if trimmed.isEmpty {
            diagnostics.error("empty link destination", at: location)
            return .dropped
        }
        if let scheme = scheme(of: trimmed) {
            guard safeSchemes.contains(scheme) else {
                diagnostics.error("unsafe link '\(destination)': '\(scheme):' links are not allowed", at: location)
                return .dropped
            }
            return .external(trimmed)
        }
        if trimmed.hasPrefix("//") { return .external(trimmed) }
        let hash = trimmed.firstIndex(ofByte: UInt8(ascii: "#"))
        let written = String(trimmed[..<(hash ?? trimmed.endIndex)])
        let path = written.firstIndex(ofByte: UInt8(ascii: "%")) != nil ? written.removingPercentEncoding ?? written : written
        let anchor = hash.map { String(trimmed[trimmed.index(after: $0)...]) }
        if path.isEmpty, let anchor {
            guard anchor.isEmpty || anchors(of: entity, in: site).contains(anchor) else {
                diagnostics.error("link to unknown heading '#\(anchor)' on this page", at: location)
                return .dropped
            }
            return .anchor(anchor)
        }
        guard let id = targetID(path, folder: folder, site: site, byPath: byPath) else {
            let name = path.split(separator: "/").last.map { String($0).replacingOccurrences(of: ".md", with: "") } ?? path
            let hint = Spelling.nearest(to: name, in: site.index.keys).map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.error("broken link '\(destination)': no content file or id '\(path)'\(hint)", at: location)
            return .dropped
        }
        if let anchor, let position = site.index[id], !anchors(of: site.entities[position], in: site).contains(anchor) {
            diagnostics.error("broken link '\(destination)': '\(id)' has no heading '#\(anchor)'", at: location)
            return .dropped
        }
        return .entity(id: id, anchor: anchor)
    }

    /// The id a link's path names: a content file relative to `folder` (the linking file's folder), or an id.
    static func targetID(_ path: String, folder: [String], site: Site, byPath: [String: String]) -> String? {
        if path.hasSuffix(".md") {
            // The common case first: a file in the same folder.
            if path.firstIndex(ofByte: UInt8(ascii: "/")) == nil, !path.hasPrefix("."),
               let id = byPath[folder.isEmpty ? path : folder.joined(separator: "/") + "/" + path] {
                return id
            }
            if let normal = normalise(path, in: folder), let id = byPath[normal] {
                return id
            }
            let base = path.fileName.dropLast(3)
            return site.index[String(base)] != nil && !path.contains("/") ? String(base) : nil
        }
        return !path.contains("/") && site.index[path] != nil ? path : nil
    }

    /// `path` (split at `/`, on its bytes) relative to `folder`, resolving `.` and `..`; nil when `..` climbs out of the
    /// content folder.
    static func normalise(_ path: String, in folder: [String]) -> String? {
        ByteScanning.normalisedPath(path, in: folder)
    }

    /// The URL scheme of `destination` in lowercase, ignoring whitespace and control characters browsers ignore.
    static func scheme(of destination: String) -> String? {
        // The common case, plain ASCII without blanks or control characters, byte by byte.
        if destination.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            var length = 0
            for byte in destination.utf8 {
                switch byte {
                case UInt8(ascii: ":"):
                    return length == 0 ? nil : String(destination.utf8.prefix(length))!.lowercased()
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "+"),
                     UInt8(ascii: "."), UInt8(ascii: "-"):
                    length += 1
                case UInt8(ascii: "0")...UInt8(ascii: "9") where length > 0:
                    length += 1
                default:
                    return nil
                }
            }
            return nil
        }
        let cleaned = destination.unicodeScalars.filter { $0.value > 0x20 && $0 != "\u{7F}" }
        var scheme = ""
        for scalar in cleaned {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            guard scalar.properties.isAlphabetic || (!scheme.isEmpty && ("0"..."9").contains(scalar)) || "+.-".unicodeScalars.contains(scalar) else {
                return nil
            }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }
}

/// How one entity's links resolved, with the uses they came from (to tell whether they can be reused).
struct ResolvedLinks: Sendable {
    var id: String
    var uses: [LinkUse]
    var rawHTML: [SourceLocation]
    var targets: [String: LinkTarget]
    var diagnostics: Diagnostics
}
