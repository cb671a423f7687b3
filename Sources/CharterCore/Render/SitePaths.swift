/// The folder names of the pages the site makes itself (type lists, timeline, search) and the file name of the
/// collection of terms of reference, in the site's language (`path_body: bodies`, `path_timeline: timeline`, …), so that
/// an English site's addresses read `bodies/` where the Danish one's read `organer/`.
struct SitePaths: Sendable, Hashable {
    /// The folder of each type's list page.
    var lists: [EntityType: String]
    var timeline: String
    var search: String
    /// The collection of terms of reference, `print/<book>.html`.
    var book: String
    /// The folder of the organisation after the undated events, `organisation/<later>/`.
    var later: String
    /// The name of the calendar feeds, `<calendar>.ics`.
    var calendar: String

    /// The paths of `translation`'s language.
    init(_ translation: Translation) {
        lists = Dictionary(uniqueKeysWithValues: EntityType.allCases.map { ($0, translation[$0.pathPhrase]) })
        timeline = translation[.pathTimeline]
        search = translation[.pathSearch]
        book = translation[.pathBook]
        later = translation[.pathLater]
        calendar = translation[.pathCalendar]
    }

    /// Every folder or file name the site's own pages take, with the translation key that sets it.
    var all: [(name: String, key: Phrase)] {
        EntityType.allCases.map { (lists[$0]!, $0.pathPhrase) } + [(timeline, .pathTimeline), (search, .pathSearch)]
    }
}

extension EntityType {
    /// The translation key of the folder of the type's list page.
    var pathPhrase: Phrase {
        switch self {
        case .body: .pathBody
        case .unit: .pathUnit
        case .role: .pathRole
        case .person: .pathPerson
        case .project: .pathProject
        case .page: .pathPage
        }
    }
}

extension Site {
    /// Where the site's pages live and how they link, in its language.
    var routes: Routes { Routes(cleanURLs: config.cleanURLs, paths: SitePaths(translation)) }
}
