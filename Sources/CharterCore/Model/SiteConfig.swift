/// The site's own settings, from `content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    /// The site's title, shown in the header and in every page title.
    public internal(set) var title = "Charter"
    /// The organisation the site describes, shown in the footer.
    public internal(set) var organisation: String?
    /// A one-line description for the home page and meta tags.
    public internal(set) var description: String?
    /// The language of the content (BCP 47), set as `lang` on every page.
    public internal(set) var language = "da"
    /// The absolute URL the site is published at; enables `sitemap.xml`. Empty: links stay relative only.
    public internal(set) var baseURL = ""
    /// `baseURL` ending in "/", the form absolute links are made on (`base + "x/"`); empty when there is no base URL.
    var baseURLWithSlash: String { baseURL.isEmpty || baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
    /// Whether raw HTML in Markdown is passed through. Off by default: it is dropped, and a warning says so.
    public internal(set) var allowRawHTML = false
    /// Whether links end in the folder (`x/`) instead of `x/index.html`. Off by default, so the site works from disk.
    public internal(set) var cleanURLs = false
    /// The placeholder of the search field in every page's header; the translation's `search_placeholder` when unset.
    public internal(set) var searchPlaceholder: String?
    /// The kinds of bodies and units and the labels of the types, as the site declares them (`kinds:`, `types:`).
    package var vocabulary = Vocabulary()
    /// The day the content's statuses describe (`as_of:`): the first page of the organisation through time.
    public internal(set) var asOf: Day?
    /// The address of the site's accessibility statement (`accessibility_statement:`), linked from every page's footer.
    public internal(set) var accessibilityStatement: String?
    /// Whether the site is a public body's (`public_sector:`), which must publish an accessibility statement.
    public internal(set) var publicSector = false
    /// Where `language` is set, for diagnostics about its translation.
    public internal(set) var languageLocation: SourceLocation?

    public init() {}

    static let keys: Set<String> = ["title", "organisation", "description", "language", "base_url", "allow_raw_html", "clean_urls",
                                    "search_placeholder", "kinds", "types", "as_of", "accessibility_statement",
                                    "public_sector"]

    /// Reads the settings from `site.yml`, reporting unknown keys and values of the wrong type.
    public static func read(_ file: SourceFile, into diagnostics: inout Diagnostics) -> SiteConfig {
        var config = SiteConfig()
        guard let node = YAMLReader.parse(file.text, path: file.path, into: &diagnostics) else { return config }
        guard case .mapping(let mapping) = node else {
            diagnostics.error("site.yml must be a mapping of 'key: value' lines", at: SourceLocation(path: file.path, line: 1, column: 1))
            return config
        }
        let fields = FieldReader(mapping: mapping, path: file.path, lineOffset: 0)
        fields.checkKeys(allowed: keys, context: "the site config", &diagnostics)
        config.title = fields.string("title", &diagnostics) ?? config.title
        config.organisation = fields.string("organisation", &diagnostics)
        config.description = fields.string("description", &diagnostics)
        config.language = fields.string("language", &diagnostics) ?? config.language
        config.languageLocation = fields.node("language").map(fields.location(of:)) ?? SourceLocation(path: file.path, line: 1, column: 1)
        config.searchPlaceholder = fields.string("search_placeholder", &diagnostics)
        config.asOf = fields.day("as_of", &diagnostics)
        config.vocabulary = readVocabulary(fields, &diagnostics)
        config.baseURL = fields.string("base_url", &diagnostics) ?? ""
        config.allowRawHTML = bool("allow_raw_html", fields, &diagnostics) ?? false
        config.cleanURLs = bool("clean_urls", fields, &diagnostics) ?? false
        config.publicSector = bool("public_sector", fields, &diagnostics) ?? false
        config.accessibilityStatement = accessibilityStatement(fields, &diagnostics)
        if config.publicSector, config.accessibilityStatement == nil, let node = fields.node("public_sector") {
            diagnostics.strictWarning("the site declares itself public ('public_sector: true') but links to no accessibility statement; "
                                      + "add its address as 'accessibility_statement: https://…'", at: fields.location(of: node))
        }
        return config
    }

    /// Reads `accessibility_statement:`, an absolute http(s) address; empty is none.
    private static func accessibilityStatement(_ fields: FieldReader, _ diagnostics: inout Diagnostics) -> String? {
        guard let node = fields.node("accessibility_statement"), let text = fields.string("accessibility_statement", &diagnostics) else {
            return nil
        }
        let address = text.trimmingCharacters(in: .whitespaces)
        guard !address.isEmpty else { return nil }
        let lower = address.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), address.count > lower.prefix(while: { $0 != ":" }).count + 3,
              !address.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
            diagnostics.error("'accessibility_statement' must be the statement's address as an absolute http(s) URL, not '\(text)'",
                              at: fields.location(of: node))
            return nil
        }
        return address
    }

    /// Reads `kinds:` (per type, a mapping of key to label) and `types:` (per type, `label` and `plural`).
    private static func readVocabulary(_ fields: FieldReader, _ diagnostics: inout Diagnostics) -> Vocabulary {
        var vocabulary = Vocabulary()
        func mapping(_ node: YAMLNode, _ what: String) -> YAMLNode.Mapping? {
            if case .mapping(let mapping) = node { return mapping }
            if !fields.isNull(node) {
                diagnostics.error("\(what) must be a mapping, not a \(fields.shape(of: node))", at: fields.location(of: node))
            }
            return nil
        }
        func type(_ key: YAMLNode, allowed: [EntityType], _ what: String) -> EntityType? {
            let name = key.string ?? ""
            if let type = EntityType(rawValue: name), allowed.contains(type) { return type }
            let names = allowed.map(\.rawValue)
            let hint = Spelling.nearest(to: name, in: Set(names)).map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.error("unknown type '\(name)' under '\(what)'\(hint); use one of \(names.joined(separator: ", "))",
                              at: fields.location(of: key))
            return nil
        }
        if let node = fields.node("kinds"), let kinds = mapping(node, "'kinds'") {
            for (key, value) in kinds {
                guard let type = type(key, allowed: Vocabulary.typesWithKinds, "kinds"),
                      let declared = mapping(value, "'kinds.\(type.rawValue)'") else { continue }
                var list: [Vocabulary.Kind] = []
                for (kind, value) in declared {
                    guard let name = kind.string, !name.isEmpty else { continue }
                    switch value {
                    case .scalar(let scalar) where !scalar.string.isEmpty:
                        list.append(Vocabulary.Kind(key: name, label: scalar.string))
                    case .mapping(let mapping):
                        // `region: {label: Region, top: true}`: a unit kind that is the top of the organisation.
                        let reader = FieldReader(mapping: mapping, path: fields.path, lineOffset: fields.lineOffset)
                        let keys: Set<String> = type == .unit ? ["label", "top"] : ["label"]
                        reader.checkKeys(allowed: keys, context: "the kind '\(name)'", &diagnostics)
                        guard let label = reader.string("label", &diagnostics), !label.isEmpty else {
                            diagnostics.error("the kind '\(name)' needs a label as text, e.g. 'label: \(name.capitalized)'",
                                              at: fields.location(of: value))
                            continue
                        }
                        let top = type == .unit ? Self.bool("top", reader, &diagnostics) ?? false : false
                        list.append(Vocabulary.Kind(key: name, label: label, isTop: top))
                    default:
                        diagnostics.error("the kind '\(name)' needs a label as text, e.g. '\(name): \(name.capitalized)'",
                                          at: fields.location(of: value))
                    }
                }
                vocabulary.kinds[type] = list
                vocabulary.kindsDeclaredAt[type] = fields.location(of: key)
            }
        }
        if let node = fields.node("types"), let types = mapping(node, "'types'") {
            for (key, value) in types {
                guard let type = type(key, allowed: EntityType.allCases, "types"),
                      let labels = mapping(value, "'types.\(type.rawValue)'") else { continue }
                let reader = FieldReader(mapping: labels, path: fields.path, lineOffset: fields.lineOffset)
                reader.checkKeys(allowed: ["label", "plural"], context: "'types.\(type.rawValue)'", &diagnostics)
                guard let label = reader.string("label", &diagnostics), let plural = reader.string("plural", &diagnostics) else {
                    diagnostics.error("'types.\(type.rawValue)' needs both 'label' and 'plural'", at: fields.location(of: value))
                    continue
                }
                vocabulary.types[type] = Vocabulary.TypeLabel(label: label, plural: plural)
            }
        }
        return vocabulary
    }

    private static func bool(_ key: String, _ fields: FieldReader, _ diagnostics: inout Diagnostics) -> Bool? {
        guard let node = fields.node(key), let text = fields.string(key, &diagnostics) else { return nil }
        switch text {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.error("'\(key)' must be true or false, not '\(text)'", at: fields.location(of: node))
            return nil
        }
    }
}
