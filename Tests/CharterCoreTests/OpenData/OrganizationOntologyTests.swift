import Foundation
import Testing
@testable import CharterCore

/// The model in the W3C Organization Ontology, read back as JSON: the good fixture (base URL
/// `https://intra.example.org/styring/`) for the mapping, the time fixture for periods and a merger.
struct OrganizationOntologyTests {
    static let base = "https://intra.example.org/styring/"

    /// A fixture's model as `SiteBuilder` makes it, with the Danish words.
    static func site(_ fixture: String = "good") -> Site {
        var diagnostics = Diagnostics()
        var site = SiteBuilder.build(ContentTree.load(from: Fixtures.content(fixture), into: &diagnostics), into: &diagnostics)
        site.translation = Fixtures.danish
        return site
    }

    /// The document's nodes by `@id`.
    func nodes(_ site: Site) throws -> [String: [String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OrganizationOntology.document(site: site).utf8)) as? [String: Any])
        let graph = try #require(document["@graph"] as? [[String: Any]])
        return Dictionary(graph.map { ($0["@id"] as! String, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The IRIs a property links to (one link or several).
    func links(_ node: [String: Any]?, _ property: String) -> [String] {
        switch node?[property] {
        case let one as [String: Any]: [one["@id"] as! String]
        case let many as [[String: Any]]: many.map { $0["@id"] as! String }
        default: []
        }
    }

    func types(_ node: [String: Any]?) -> [String] {
        (node?["@type"] as? [String]) ?? [node?["@type"] as? String].compactMap { $0 }
    }

    @Test func theContextDeclaresThePrefixesAndTheSiteLanguage() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OrganizationOntology.document(site: Self.site()).utf8)) as? [String: Any])
        let context = try #require(document["@context"] as? [String: String])
        #expect(context["@language"] == "da")
        #expect(context["org"] == "http://www.w3.org/ns/org#")
        #expect(Set(context.keys) == ["@language", "org", "skos", "foaf", "schema", "dcterms", "time", "xsd"])
    }

    @Test func unitsHangUnderTheirParentAndTopUnitsUnderTheOrganisation() throws {
        let nodes = try nodes(Self.site())
        let organisation = Self.base + "#organisation"
        #expect(types(nodes[organisation]).contains("org:FormalOrganization"))
        #expect(nodes[organisation]?["skos:prefLabel"] as? String == "Testkommunen")
        let care = nodes[Self.base + "plejecenter/"]
        #expect(types(care) == ["org:OrganizationalUnit", "schema:Organization"])
        #expect(links(care, "org:subOrganizationOf") == [Self.base + "kommune/"])
        #expect(links(care, "org:classification") == [Self.base + "#kind-unit-afdeling"])
        #expect(links(nodes[Self.base + "kommune/"], "org:hasSubOrganization") == [Self.base + "plejecenter/", Self.base + "stab/"])
        #expect(links(nodes[Self.base + "kommune/"], "org:unitOf") == [organisation])
        #expect(links(nodes[organisation], "org:hasUnit") == [Self.base + "kommune/"])
        #expect(nodes[Self.base + "#kind-unit-afdeling"]?["skos:prefLabel"] as? String == "Afdeling")
        let sites = try #require(care?["org:hasSite"] as? [[String: Any]])
        #expect(sites.map { $0["skos:prefLabel"] as? String } == ["Solhøj", "Skovbo"])
    }

    @Test func aBodyHasAMembershipForItsChairAndForEachSeat() throws {
        let nodes = try nodes(Self.site())
        let body = Self.base + "styregruppe/"
        let memberships = nodes.values.filter { links($0, "org:organization") == [body] }
        #expect(memberships.map { $0["@id"] as! String }.sorted() == [body + "#membership-1", body + "#membership-2", body + "#membership-chair"])
        #expect(memberships.allSatisfy { types($0) == ["org:Membership"] })
        let chair = nodes[body + "#membership-chair"]
        #expect(links(chair, "org:member") == [Self.base + "direktoer/"])
        #expect(links(chair, "org:role") == [Self.base + "#role-chair"])
        let labelled = nodes[body + "#membership-2"]
        #expect(links(labelled, "org:member") == [Self.base + "chefsygeplejerske/"])
        let seat = try #require(links(labelled, "org:role").first)
        #expect(nodes[seat]?["skos:prefLabel"] as? String == "Repræsentant for plejen")
        #expect(links(nodes[seat], "skos:broader") == [Self.base + "#role-member"])
        #expect(nodes[Self.base + "#role-chair"]?["skos:prefLabel"] as? String == "Mødeleder")
        // Both directions on the member and the body.
        let director = nodes[Self.base + "direktoer/"]
        #expect(links(director, "org:hasMembership").contains(body + "#membership-chair"))
        #expect(links(director, "org:memberOf") == [Self.base + "forum/", body])
        #expect(links(nodes[body], "org:hasMember") == [Self.base + "direktoer/", Self.base + "chefsygeplejerske/"])
    }

    @Test func bodiesReportLinkToTheirSecretariatAndStateTheirPurpose() throws {
        let nodes = try nodes(Self.site())
        let forum = nodes[Self.base + "forum/"]
        #expect(types(forum) == ["org:Organization", "schema:Organization"])
        #expect(links(forum, "org:reportsTo") == [Self.base + "styregruppe/"])
        #expect(links(forum, "org:linkedTo") == [Self.base + "stab/"])
        #expect(forum?["org:purpose"] as? String == "At sikre samarbejde mellem plejecentret og sundhedsområdet.")
        #expect(forum?["dcterms:description"] as? String == "Et midlertidigt forum for samarbejde om ældre og sundhed.")
        #expect(links(forum, "foaf:homepage") == [Self.base + "forum/"])
        #expect((nodes[Self.base + "styregruppe/"]?["dcterms:modified"] as? [String: String])?["@value"] == "2026-02-01")
        #expect(nodes[Self.base + "styregruppe/"]?["skos:altLabel"] as? String == "SG")
    }

    @Test func rolesArePostsInTheirUnitHeldByTheirHolders() throws {
        let nodes = try nodes(Self.site())
        let director = nodes[Self.base + "direktoer/"]
        #expect(types(director) == ["org:Post"])
        #expect(links(director, "org:postIn") == [Self.base + "stab/"])
        #expect(links(director, "org:heldBy") == [Self.base + "anne-jensen/"])
        #expect(links(director, "org:headOf") == [Self.base + "stab/"])
        #expect(links(nodes[Self.base + "stab/"], "org:hasPost") == [Self.base + "direktoer/"])
        let person = nodes[Self.base + "anne-jensen/"]
        #expect(types(person) == ["foaf:Person", "schema:Person"])
        #expect(person?["foaf:name"] as? String == "Anne Jensen")
        #expect(links(person, "org:holds") == [Self.base + "direktoer/"])
        let project = nodes[Self.base + "tryg-hjem/"]
        #expect(types(project) == ["schema:Project"])
        #expect(links(project, "schema:sponsor") == [Self.base + "forum/"])
        #expect(links(project, "schema:member") == [Self.base + "plejecenter/"])
    }

    @Test func aBodyReplacedByAnotherEndsInAChangeEventThatResultsInItsSuccessor() throws {
        let nodes = try nodes(Self.site())
        let old = Self.base + "gammelt-udvalg/", forum = Self.base + "forum/"
        let event = try #require(links(nodes[old], "org:changedBy").first)
        #expect(event == forum + "#succession-1")
        #expect(types(nodes[event]) == ["org:ChangeEvent"])
        #expect(links(nodes[event], "org:originalOrganization") == [old])
        #expect(links(nodes[event], "org:resultingOrganization") == [forum])
        // The forum is established on 1 January 2026, the day after the committee ends: one event, on the forum's day.
        #expect((nodes[event]?["dcterms:date"] as? [String: String])?["@value"] == "2026-01-01")
        #expect(links(nodes[forum], "org:resultedFrom") == [event])
        // The forum's own end is a described event, in the content's words.
        let end = nodes[forum + "#dissolution"]
        #expect(links(end, "org:originalOrganization") == [forum])
        #expect(end?["dcterms:description"] as? String == "Ved udgangen af projektperioden")
        #expect(end?["dcterms:date"] == nil)
    }

    @Test func entitiesThatEndTogetherIntoOneSuccessorAreOneMerger() throws {
        let site = Self.site("time")
        let nodes = try nodes(site)
        let base = "https://governance.example.org/"
        let merger = nodes[base + "harbour-hospital/#succession-1"]
        #expect(links(merger, "org:originalOrganization") == [base + "north-hospital/", base + "south-hospital/"])
        #expect((merger?["dcterms:date"] as? [String: String])?["@value"] == "2026-01-01")
        #expect(nodes[base + "harbour-hospital/#founding"] == nil)
    }

    @Test func aSeatWithAPeriodIsAMembershipDuringAnInterval() throws {
        let nodes = try nodes(Self.site("time"))
        let forum = "https://governance.example.org/forum/"
        let left = try #require(nodes.values.first { links($0, "org:organization") == [forum] && links($0, "org:member") == ["https://governance.example.org/anna-berg/"] })
        let interval = try #require(left["org:memberDuring"] as? [String: Any])
        #expect(interval["@type"] as? String == "time:Interval")
        #expect(interval["time:hasBeginning"] == nil)
        let end = try #require(interval["time:hasEnd"] as? [String: Any])
        #expect((end["time:inXSDDate"] as? [String: String]) == ["@value": "2026-03-01", "@type": "xsd:date"])
        let open = nodes.values.first { links($0, "org:organization") == [forum] && links($0, "org:member") == ["https://governance.example.org/bo-lund/"] }
        #expect(open?["org:memberDuring"] == nil)
    }

    @Test func theSameModelGivesTheSameBytes() {
        let first = OrganizationOntology.document(site: Self.site())
        #expect(first == OrganizationOntology.document(site: Self.site()))
        #expect(first.hasSuffix("}\n"))
    }

    @Test func aSiteWithoutAnAbsoluteURLNamesItsEntitiesByURNAndLinksNoPages() throws {
        var site = Self.site()
        site.config.baseURL = ""
        let nodes = try nodes(site)
        let forum = try #require(nodes["urn:charter:testkommunen:forum"])
        #expect(forum["foaf:homepage"] == nil && forum["schema:url"] == nil)
        #expect(nodes["urn:charter:testkommunen:index#organisation"] != nil)
    }

    @Test func everyNodeIsNamedByTheIRIOpenDataGivesWithOrWithoutABaseURL() throws {
        for base in [Self.base, "", "/relative/"] {
            var site = Self.site()
            site.config.baseURL = base
            let nodes = try nodes(site)
            for entity in site.entities where entity.type != .page {
                let node = try #require(nodes[OpenData.iri(of: entity.id, in: site)], "\(entity.id) at '\(base)'")
                #expect((node["dcterms:identifier"] as? [String: String])?["@value"] == entity.id)
            }
        }
    }

    @Test func thePageBlockDescribesOneEntityAndCannotCloseItsScriptElement() throws {
        var site = Self.site()
        var forum = try #require(site["forum"])
        forum.title = "Forum </script><script>alert('&')</script> <!--"
        forum.summary = "a > b & </SCRIPT > \"quoted\" back\\slash\nline\u{2028}separator\u{1}"
        site.entities[site.index["forum"]!] = forum
        let block = try #require(OrganizationOntology.pageJSONLD(for: forum, site: site))
        #expect(!block.lowercased().contains("</script"))
        #expect(!block.contains("<") && !block.contains(">") && !block.contains("&"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
        #expect(object["skos:prefLabel"] as? String == forum.title)
        #expect(object["dcterms:description"] as? String == forum.summary)
        #expect(object["@id"] as? String == Self.base + "forum/")
        #expect((object["@context"] as? [String: String])?["org"] == "http://www.w3.org/ns/org#")
        #expect(links(object, "org:reportsTo") == [Self.base + "styregruppe/"])
        #expect(!block.contains("\n") && !block.contains("\u{2028}") && block.contains("\\u2028"))
    }

    @Test func theDocumentIsValidJSONWithItsTextsAsWritten() throws {
        var site = Self.site()
        var forum = try #require(site["forum"])
        forum.summary = "<b> & \"quoted\" back\\slash\ttab\nline\u{2028}æøå\u{1}"
        site.entities[site.index["forum"]!] = forum
        let nodes = try nodes(site)
        #expect(nodes[Self.base + "forum/"]?["dcterms:description"] as? String == forum.summary)
        #expect(OrganizationOntology.document(site: site).contains("\"<b> & \\\"quoted\\\" back\\\\slash\\ttab\\nline\u{2028}æøå\\u0001\""))
    }

    @Test func everyEntityButAFreePageHasAPageBlock() throws {
        let site = Self.site()
        for entity in site.entities {
            let block = OrganizationOntology.pageJSONLD(for: entity, site: site)
            #expect((block == nil) == (entity.type == .page), "\(entity.id)")
        }
    }
}
