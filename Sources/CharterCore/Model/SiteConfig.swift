import Yams

/// The site's own settings, from `content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    /// The site's title, shown in the header and in every page title.
    public var title = "Charter"
    /// The organisation the site describes, shown in the footer.
    public var organisation: String?
    /// A one-line description for the home page and meta tags.
    public var description: String?
    /// The language of the content (BCP 47), set as `lang` on every page.
    public var language = "da"
    /// The absolute URL the site is published at; enables `sitemap.xml`. Empty: links stay relative only.
    public var baseURL = ""
    /// Whether raw HTML in Markdown is passed through. Off by default: it is dropped, and a warning says so.
    public var allowRawHTML = false
    /// Whether links end in the folder (`x/`) instead of `x/index.html`. Off by default, so the site works from disk.
    public var cleanURLs = false

    public init() {}

    static let keys: Set<String> = ["title", "organisation", "description", "language", "base_url", "allow_raw_html", "clean_urls"]

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
        config.baseURL = fields.string("base_url", &diagnostics) ?? ""
        config.allowRawHTML = bool("allow_raw_html", fields, &diagnostics) ?? false
        config.cleanURLs = bool("clean_urls", fields, &diagnostics) ?? false
        return config
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
