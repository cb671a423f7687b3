/// The timeline page: every dated event of the model by year, with the events without a fixed date last.
extension SiteRenderer {
    /// The timeline page, when the content has dated events.
    func renderTimeline() -> RenderedFile? {
        guard Timeline.hasEvents(in: site) else { return nil }
        let path = routes.timelinePath
        let linker = PageLinker(site: site, routes: routes, from: path)
        let timeline = Timeline(site: site)
        let title = site.translation[.timelineTitle]
        let entities = Set(timeline.events.map(\.entityID)).compactMap { site[$0] }
        var context = layout.context(path: path, title: title, current: "tidslinje", breadcrumbs: [(title, nil)],
                                     description: site.translation[.timelineDescription],
                                     updated: entities.compactMap(\.updated).max())
        var years: [[String: Any]] = []
        for event in timeline.events {
            guard let year = event.when.year else { continue }
            if years.last?["year"] as? Int != year {
                years.append(["year": year, "id": "aar-\(year)", "events": [[String: Any]]()])
            }
            var events = years[years.count - 1]["events"] as! [[String: Any]]
            events.append(timelineItem(event, linker: linker))
            years[years.count - 1]["events"] = events
        }
        context["years"] = years
        context["undated"] = timeline.events.filter { $0.when == .undated }.map { timelineItem($0, linker: linker) }
        context["yearLinks"] = years.map { ["year": $0["year"]!, "id": $0["id"]!] }
        return RenderedFile(path: path, data: templates.renderData(context, with: "timeline"))
    }

    /// One event for a template: when, what, and the entity it is about (as `item` gives it).
    func timelineItem(_ event: Timeline.Event, linker: PageLinker) -> [String: Any] {
        guard let entity = site[event.entityID] else { return [:] }
        var item = linker.item(entity)
        item["date"] = event.label
        item["iso"] = event.iso ?? false
        item["what"] = event.what
        item["approximate"] = event.isApproximate
        item["candidate"] = event.isCandidate
        item["detail"] = event.detail ?? false
        return item
    }
}
