/// Where each page lives in the output, and relative links between pages, so the site works under any sub-path and from disk.
struct Routes: Sendable {
    /// Whether links drop the trailing `index.html`.
    var cleanURLs: Bool
    /// The folders of the site's own pages, in its language.
    var paths: SitePaths

    init(cleanURLs: Bool, paths: SitePaths) {
        self.cleanURLs = cleanURLs
        self.paths = paths
    }

    /// The output file of an entity's page: `integrationsforum/index.html`; the home page is `index.html`.
    func path(of id: String) -> String {
        id == "index" ? "index.html" : "\(id)/index.html"
    }

    /// The output file of a type's list page: `organer/index.html`, `bodies/index.html`.
    func path(ofList type: EntityType) -> String {
        "\(paths.lists[type]!)/index.html"
    }

    /// The output file of the timeline.
    var timelinePath: String { "\(paths.timeline)/index.html" }

    /// The output file of the search page.
    var searchPath: String { "\(paths.search)/index.html" }

    /// The output file of the page of the whole organisation; its folder name is reserved as an id.
    var organisationPath: String { "organisation/index.html" }

    /// The folder of the search index, relative to the site's root; reserved as an id.
    static let searchIndexFolder = "pagefind"

    /// The output file of a body's printable terms of reference: `print/<id>.html`.
    static func printPath(of id: String) -> String { "print/\(id).html" }

    /// The output file of the collection of terms of reference.
    var bookPath: String { "print/\(paths.book).html" }

    /// The output file of the organisation as it stands at `moment`: `organisation/2026-01-01/index.html`.
    func asOfPath(_ moment: Moment) -> String {
        "organisation/\(moment.day?.description ?? paths.later)/index.html"
    }

    /// The calendar feed of the whole site (`kalender.ics`), or of the entity `id` (`integrationsforum/kalender.ics`).
    func calendarPath(of id: String? = nil) -> String {
        (id.map { "\($0)/" } ?? "") + paths.calendar + ".ics"
    }

    /// The relative href from the page at `from` to the file at `to` (both output paths).
    func href(from: String, to: String, anchor: String? = nil) -> String {
        href(root: root(from: from), to: to, anchor: anchor)
    }

    /// The relative href to the file at `to` from a page whose way back to the root is `root` (see `root(from:)`).
    func href(root: String, to: String, anchor: String? = nil) -> String {
        var target = Substring(to)
        if cleanURLs, target == "index.html" || target.hasSuffix("/index.html") {
            target.removeLast("index.html".count)
        }
        var href = root + target
        if href.isEmpty { href = "./" }
        if let anchor { href += "#" + anchor }
        return href
    }

    /// The prefix from the page at `from` back to the site's root ("", "../").
    func root(from: String) -> String {
        var depth = 0
        for byte in from.utf8 where byte == UInt8(ascii: "/") { depth += 1 }
        return depth == 0 ? "" : String(repeating: "../", count: depth)
    }
}
