/// Which of a site's files a plan makes: all of them for a build, the print pages for `charter print`, the pages whose
/// inputs changed for the preview's rebuild.
///
/// ```swift
/// let selection = PageSelection.printing(ids: ["integrationsforum"])
/// ```
package struct PageSelection: Sendable, Equatable {
    /// The entities whose pages are made; nil for every entity.
    package var entities: Set<String>?
    /// Whether the site-wide pages are made: home, lists, organisation (and as it stands at each date), timeline, search,
    /// 404, calendars and sitemap.
    package var siteWide: Bool
    /// Whether the open data files (`data/`) are made.
    package var data: Bool
    /// The bodies whose print pages are made; nil for every body with terms of reference.
    package var print: Set<String>?
    /// Whether the collection of all terms of reference is made.
    package var printBook: Bool
    /// The assets copied from the templates: nil for all, else only these paths.
    package var assets: Set<String>?

    package init(entities: Set<String>?, siteWide: Bool, data: Bool, print: Set<String>?, printBook: Bool, assets: Set<String>?) {
        self.entities = entities
        self.siteWide = siteWide
        self.data = data
        self.print = print
        self.printBook = printBook
        self.assets = assets
    }

    /// Every file of the site.
    package static let all = PageSelection(entities: nil, siteWide: true, data: true, print: nil, printBook: true, assets: nil)

    /// The print pages of `ids` (of every body with terms, and the collection, when empty) and their stylesheet.
    package static func printing(ids: [String]) -> PageSelection {
        PageSelection(entities: [], siteWide: false, data: false, print: ids.isEmpty ? nil : Set(ids), printBook: ids.isEmpty,
                      assets: ["assets/print.css"])
    }

    /// Whether the selection is the whole site.
    var isAll: Bool { self == .all }
}
