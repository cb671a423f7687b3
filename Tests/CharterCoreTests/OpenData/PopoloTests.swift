import Foundation
import Testing
@testable import CharterCore

/// Popolo out (`Popolo.document`) and in (`PopoloImport`): the good fixture as Popolo, the round trip through an import,
/// and bad files, which write nothing and say where they are wrong.
struct PopoloTests {
    /// The model of a fixture site, built without writing.
    func site(_ content: String) throws -> Site {
        let output = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = Fixtures.build(content, output: output.path, dryRun: true)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.sorted.map(\.description))")
        return try #require(result.site)
    }

    func parse(_ document: String) throws -> [String: [[String: Any]]] {
        let object = try JSONSerialization.jsonObject(with: Data(document.utf8))
        return try #require(object as? [String: [[String: Any]]])
    }

    func item(_ list: [[String: Any]]?, _ id: String) throws -> [String: Any] {
        try #require(list?.first { $0["id"] as? String == id }, "no '\(id)'")
    }

    @Test func goodFixtureExportsPeopleOrganizationsPostsAndMembershipsButNoProjects() throws {
        let document = Popolo.document(site: try site(Fixtures.content("good")))
        let popolo = try parse(document)
        #expect(Set(popolo.keys) == ["persons", "organizations", "memberships", "posts"])
        #expect(!document.contains("tryg-hjem") && !document.contains("Projekt Tryg hjem"))

        let anne = try item(popolo["persons"], "anne-jensen")
        #expect(anne["name"] as? String == "Anne Jensen")
        #expect((anne["links"] as? [[String: String]]) == [["url": "https://intra.example.org/styring/anne-jensen/"]])
        #expect(anne["other_names"] == nil)

        #expect(popolo["organizations"]?.compactMap { $0["id"] as? String } == ["gammelt-udvalg", "forum", "styregruppe", "plejecenter",
                                                                             "stab", "kommune"])
        let forum = try item(popolo["organizations"], "forum")
        #expect(forum["name"] as? String == "Forum for ældre og sundhed")
        #expect(forum["classification"] as? String == "Forum")
        #expect(forum["parent_id"] as? String == "styregruppe")
        #expect(forum["founding_date"] as? String == "2026-01-01")
        #expect(forum["dissolution_date"] == nil)  // "Ved udgangen af projektperioden" is no date
        #expect(forum["abstract"] as? String == "Et midlertidigt forum for samarbejde om ældre og sundhed.")
        #expect(try item(popolo["organizations"], "gammelt-udvalg")["dissolution_date"] as? String == "2025-12-31")
        let plejecenter = try item(popolo["organizations"], "plejecenter")
        #expect(plejecenter["classification"] as? String == "Afdeling")
        #expect(plejecenter["parent_id"] as? String == "kommune")
        #expect(try item(popolo["organizations"], "kommune")["parent_id"] == nil)

        let direktoer = try item(popolo["posts"], "direktoer")
        #expect(direktoer["label"] as? String == "Direktør for Sundhed")
        #expect(direktoer["organization_id"] as? String == "stab")

        let memberships = try #require(popolo["memberships"])
        #expect(memberships.compactMap { $0["id"] as? String } == [
            "forum/chair/direktoer", "forum/member/chefsygeplejerske", "forum/member/plejecenter", "styregruppe/chair/direktoer",
            "styregruppe/member/direktoer", "styregruppe/member/chefsygeplejerske", "direktoer/holder/anne-jensen",
        ])
        let chair = try item(memberships, "styregruppe/chair/direktoer")
        #expect(chair["post_id"] as? String == "direktoer" && chair["organization_id"] as? String == "styregruppe")
        #expect(chair["role"] as? String == "chair" && chair["person_id"] == nil)
        let seat = try item(memberships, "styregruppe/member/chefsygeplejerske")
        #expect(seat["role"] as? String == "member" && seat["label"] as? String == "Repræsentant for plejen")
        let unit = try item(memberships, "forum/member/plejecenter")
        #expect((unit["member"] as? [String: String]) == ["@type": "Organization", "id": "plejecenter"])
        let holder = try item(memberships, "direktoer/holder/anne-jensen")
        #expect(holder["person_id"] as? String == "anne-jensen" && holder["post_id"] as? String == "direktoer")
        #expect(holder["organization_id"] as? String == "stab" && holder["role"] == nil)
    }

    @Test func everyReferenceInTheDocumentPointsIntoIt() throws {
        for fixture in ["good", "time", "english"] {
            let popolo = try parse(Popolo.document(site: try site(Fixtures.content(fixture))))
            let ids = { (key: String) in Set(popolo[key, default: []].compactMap { $0["id"] as? String }) }
            let persons = ids("persons"), organizations = ids("organizations"), posts = ids("posts")
            #expect(ids("memberships").count == popolo["memberships"]?.count, "membership ids repeat in \(fixture)")
            for membership in popolo["memberships", default: []] {
                if let id = membership["person_id"] as? String { #expect(persons.contains(id), "\(fixture): \(id)") }
                if let id = membership["organization_id"] as? String { #expect(organizations.contains(id), "\(fixture): \(id)") }
                if let id = membership["post_id"] as? String { #expect(posts.contains(id), "\(fixture): \(id)") }
                if let member = membership["member"] as? [String: String] { #expect(organizations.contains(member["id"] ?? "")) }
            }
            for organization in popolo["organizations", default: []] {
                if let id = organization["parent_id"] as? String { #expect(organizations.contains(id), "\(fixture): \(id)") }
            }
        }
    }

    @Test func exportIsTheSameTextEveryTimeWithSortedKeys() throws {
        let site = try site(Fixtures.content("good"))
        let document = Popolo.document(site: site)
        #expect(document == Popolo.document(site: site))
        #expect(document.hasSuffix("}\n"))
        let keys = ["\"memberships\"", "\"organizations\"", "\"persons\"", "\"posts\""].map { document.range(of: $0)!.lowerBound }
        #expect(keys == keys.sorted())
    }

    @Test func datedSeatsAndHoldersGetStartDatesAndInclusiveEndDates() throws {
        let popolo = try parse(Popolo.document(site: try site(Fixtures.content("time"))))
        let anna = try item(popolo["memberships"], "forum/member/anna-berg")
        #expect(anna["start_date"] == nil && anna["end_date"] as? String == "2026-02-28")  // until 2026-03-01
        let carl = try item(popolo["memberships"], "forum/member/carl-dahl")
        #expect(carl["start_date"] as? String == "2026-03-01" && carl["end_date"] == nil)
        let bo = try item(popolo["memberships"], "forum-chair/holder/bo-lund")
        #expect(bo["start_date"] as? String == "2026-04-01")
        #expect(try item(popolo["organizations"], "trust")["classification"] as? String == "Trust")
    }

    // MARK: - Round trip

    /// The parts of a Popolo document that survive an import, with names in place of ids.
    struct Essentials: Equatable, CustomStringConvertible {
        var persons: [String]
        var organizations: [String]
        var posts: [String]
        var memberships: [String]

        init(_ popolo: [String: [[String: Any]]]) {
            var names: [String: String] = [:]
            for key in ["persons", "organizations"] {
                for item in popolo[key, default: []] { names[item["id"] as! String] = item["name"] as? String }
            }
            for post in popolo["posts", default: []] { names[post["id"] as! String] = post["label"] as? String }
            func name(_ value: Any?) -> String { (value as? String).map { names[$0] ?? "?\($0)" } ?? "-" }
            persons = popolo["persons", default: []].map { name($0["id"]) }.sorted()
            organizations = popolo["organizations", default: []].map {
                "\(name($0["id"])) [\($0["classification"] ?? "-")] in \(name($0["parent_id"])) \($0["founding_date"] ?? "-")…\($0["dissolution_date"] ?? "-")"
            }.sorted()
            posts = popolo["posts", default: []].map { "\(name($0["id"])) in \(name($0["organization_id"]))" }.sorted()
            memberships = popolo["memberships", default: []].map {
                let member = ($0["member"] as? [String: String]).map { name($0["id"]) } ?? name($0["person_id"])
                return "\(member) as \(name($0["post_id"])) in \(name($0["organization_id"])): \($0["role"] ?? "-") '\($0["label"] ?? "-")' "
                    + "\($0["start_date"] ?? "-")…\($0["end_date"] ?? "-")"
            }.sorted()
        }

        var description: String { (persons + organizations + posts + memberships).joined(separator: "\n") }
    }

    /// Exports `fixture`, imports it into an empty folder (with `siteYML` there first, if given), builds that and exports again.
    func roundTrip(_ fixture: String, siteYML: String? = nil) throws -> (before: Essentials, after: Essentials, result: PopoloImport.Result) {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("\(fixture).json")
        let before = Popolo.document(site: try site(Fixtures.content(fixture)))
        try Data(before.utf8).write(to: file)
        let content = folder.appendingPathComponent("content")
        if let siteYML {
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            try Data(siteYML.utf8).write(to: content.appendingPathComponent("site.yml"))
        }
        let result = PopoloImport.run(file: file.path, into: content.path)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.sorted.map(\.description))")
        let built = Fixtures.build(content.path, output: folder.appendingPathComponent("out").path, dryRun: true)
        #expect(!built.diagnostics.hasErrors, "\(built.diagnostics.sorted.map(\.description))")
        let after = Popolo.document(site: try #require(built.site))
        return (Essentials(try parse(before)), Essentials(try parse(after)), result)
    }

    @Test func goodFixtureSurvivesExportImportAndExportAgain() throws {
        let (before, after, result) = try roundTrip("good")
        #expect(before == after, "before:\n\(before)\n\nafter:\n\(after)")
        #expect(before.memberships.count == 7)
        #expect(result.written.first == "site.yml")
        #expect(result.written.contains("personer/anne-jensen.md") && result.written.contains("organer/forum-for-aeldre-og-sundhed.md"))
        #expect(result.written.contains("enheder/testkommunen.md") && result.written.contains("roller/direktoer-for-sundhed.md"))
        #expect(result.unmapped.map { $0.components(separatedBy: " (").first! }.sorted()
            == ["organizations.links", "persons.links", "posts.links"])
    }

    @Test func datedSeatsHoldersAndDeclaredKindsSurviveARoundTrip() throws {
        let siteYML = try String(contentsOfFile: Fixtures.content("time") + "/site.yml", encoding: .utf8)
        let (before, after, result) = try roundTrip("time", siteYML: siteYML)
        #expect(before == after, "before:\n\(before)\n\nafter:\n\(after)")
        #expect(!result.written.contains("site.yml"))
        #expect(before.memberships.contains { $0.hasPrefix("Anna Berg as - in Clinical Forum: member '-' -…2026-02-28") })
    }

    @Test func importedFilesReadAsExpected() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("Folketinget.json")
        try Data(#"""
        {
          "persons": [{"id": "ocd-person/1", "name": "Søren \"Spin\" Back\\slash"}, {"id": "Q42", "name": "Дмитрий"}],
          "organizations": [
            {"id": "org/1", "name": "Udvalg A", "classification": "committee", "founding_date": "2020-01-01"},
            {"id": "org/2", "name": "Udvalg A", "classification": "Udvalg", "parent_id": "org/1"}
          ],
          "memberships": [
            {"person_id": "ocd-person/1", "organization_id": "org/1", "role": "Formand", "start_date": "2021-05-01"},
            {"person_id": "Q42", "organization_id": "org/1", "label": "Næstformand", "start_date": "2020-01-01", "end_date": "2020-12-31"}
          ]
        }
        """#.utf8).write(to: file)
        let content = folder.appendingPathComponent("content")
        let result = PopoloImport.run(file: file.path, into: content.path)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.sorted.map(\.description))")
        #expect(result.written == ["site.yml", "personer/soeren-spin-backslash.md", "personer/q42.md", "organer/udvalg-a.md",
                                   "organer/udvalg-a-2.md"])
        func read(_ path: String) throws -> String { try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8) }
        #expect(try read("site.yml").contains("title: \"Folketinget\"\nlanguage: da\n"))
        // Into a folder without a site.yml, the classifications become the kinds the written site.yml declares.
        #expect(try read("site.yml").hasSuffix("kinds:\n  body:\n    committee: \"committee\"\n    udvalg: \"Udvalg\"\n"))
        #expect(try read("personer/soeren-spin-backslash.md") == "---\ntype: person\ntitle: \"Søren \\\"Spin\\\" Back\\\\slash\"\n---\n")
        #expect(try read("organer/udvalg-a.md") == """
            ---
            type: body
            title: "Udvalg A"
            kind: committee
            chair: soeren-spin-backslash
            members:
              - ref: q42
                as: "Næstformand"
                from: 2020-01-01
                until: 2021-01-01
            established: 2020-01-01
            ---

            """)
        #expect(try read("organer/udvalg-a-2.md").contains("kind: udvalg\nreports_to: udvalg-a\n"))
        let built = Fixtures.build(content.path, output: folder.appendingPathComponent("out").path, dryRun: true)
        #expect(!built.diagnostics.hasErrors, "\(built.diagnostics.sorted.map(\.description))")
        #expect(built.site?["soeren-spin-backslash"]?.title == "Søren \"Spin\" Back\\slash")
        #expect(!result.unmapped.contains { $0.hasPrefix("organizations.classification") })
        #expect(result.unmapped.contains { $0.hasPrefix("dates of a chair") })
    }

    @Test func membershipsInsidePersonsAndPostsAndItemsWithoutIdsAreImported() throws {
        let (result, folder) = try importText("""
        {
          "organizations": [{"id": "u", "name": "Kontaktdirektørens sekretariat for ligestilling og integration i Holbæk", "classification": "unit"},
                            {"id": "b", "name": "Rådet", "classification": "body"}],
          "posts": [{"id": "r", "label": "Sekretær", "organization_id": "u",
                     "memberships": [{"organization_id": "b", "role": "member"}]}],
          "persons": [{"name": "Anne", "memberships": [{"post_id": "r", "organization_id": "u", "end_date": "2025-12-31"}]},
                      {"name": "Bo", "memberships": [{"post_id": "r", "start_date": "2026-01-01"}, {"organization_id": "b", "role": "chair"}]}]
        }
        """)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.sorted.map(\.description))")
        let content = folder.appendingPathComponent("content")
        func read(_ path: String) throws -> String { try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8) }
        let unit = "kontaktdirektoerens-sekretariat-for-ligestilling-og"
        #expect(result.written.contains("enheder/\(unit).md"))
        #expect(try read("roller/sekretaer.md") == """
            ---
            type: role
            title: "Sekretær"
            unit: \(unit)
            held_by:
              - ref: anne
                until: 2026-01-01
              - ref: bo
                from: 2026-01-01
            ---

            """)
        #expect(try read("organer/raadet.md").contains("chair: bo\nmembers:\n  - sekretaer\n"))
        let built = Fixtures.build(content.path, output: folder.appendingPathComponent("out").path, dryRun: true)
        #expect(!built.diagnostics.hasErrors, "\(built.diagnostics.sorted.map(\.description))")
    }

    @Test func whatHasNoPlaceInCharterIsReportedAsWarnings() throws {
        let (result, _) = try importText("""
        {
          "persons": [{"id": "p", "name": "Anne", "contact_details": [{"type": "email", "value": "a@example.org"}],
                       "identifiers": [{"scheme": "wikidata", "identifier": "Q1"}]}],
          "organizations": [{"id": "o", "name": "Tinget", "classification": "legislature", "area_id": "a"}],
          "memberships": [{"person_id": "p", "organization_id": "o", "on_behalf_of_id": "o", "start_date": "2019"}],
          "areas": [{"id": "a", "name": "Danmark"}],
          "events": [{"id": "e", "name": "Valgperiode"}]
        }
        """)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.sorted.map(\.description))")
        #expect(result.unmapped == ["persons.contact_details (1)", "persons.identifiers (1)", "organizations.area_id (1)",
                                    "memberships.start_date without a day (1)", "memberships.on_behalf_of_id (1)", "areas (1)",
                                    "events (1)"])
        let warnings = result.diagnostics.sorted.filter { $0.severity == .warning }.map(\.description)
        #expect(warnings.count == 7)
        #expect(warnings.contains { $0.hasSuffix("popolo.json:2:62: warning: not imported: persons.contact_details: Charter has no place for it") })
        #expect(warnings.contains { $0.contains("popolo.json:6:12: warning: not imported: areas") })
        #expect(result.written.contains("organer/tinget.md"))
    }

    @Test func aClassificationTheExistingSiteDoesNotDeclareIsReportedAndLeftOut() throws {
        let (result, folder) = try importText("""
        {"organizations": [{"id": "o", "name": "Tinget", "classification": "legislature"}]}
        """, existing: ["site.yml": "title: T\nkinds:\n  body:\n    committee: Committee\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.unmapped == ["organizations.classification that is not a kind of the site (1)"])
        let text = try String(contentsOf: folder.appendingPathComponent("content/organer/tinget.md"), encoding: .utf8)
        #expect(!text.contains("kind:"))
        #expect(!result.written.contains("site.yml"))
    }

    // MARK: - Bad input

    /// Imports `text` (as `popolo.json`) into a fresh content folder, which holds `existing` first.
    func importText(_ text: String, existing: [String: String] = [:]) throws -> (PopoloImport.Result, URL) {
        let folder = Fixtures.temporaryFolder()
        let file = folder.appendingPathComponent("popolo.json")
        try Data(text.utf8).write(to: file)
        let content = folder.appendingPathComponent("content")
        for (path, text) in existing {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return (PopoloImport.run(file: file.path, into: content.path), folder)
    }

    static let badFiles: [(name: String, text: String, location: String, message: String)] = [
        ("not JSON", "{\n  \"persons\": [\n    {\"id\": \"p\", \"name\": \"Anne\"}\n    {\"id\": \"q\"}\n  ]\n}\n", "4:5", "not JSON: expected ',' or ']'"),
        ("not JSON at all", "persons:\n  - Anne\n", "1:1", "not JSON: expected a value"),
        ("no Popolo lists", "{\n  \"people\": [{\"name\": \"Anne\"}]\n}\n", "1:1", "not Popolo: the file has no 'persons' or 'organizations' list"),
        ("a list, not an object", "[{\"name\": \"Anne\"}]", "1:1", "not Popolo"),
        ("a dangling person_id", """
            {
              "persons": [{"id": "p1", "name": "Anne"}],
              "organizations": [{"id": "o1", "name": "Rådet"}],
              "memberships": [{"organization_id": "o1", "person_id": "p2"}]
            }
            """, "4:58", "unknown person_id 'p2': no person in the file has that id"),
        ("a duplicate id", """
            {
              "persons": [
                {"id": "p1", "name": "Anne"},
                {"id": "p1", "name": "Bo"}
              ]
            }
            """, "4:12", "duplicate person id 'p1'; first at line 3"),
        ("a name with markup", """
            {
              "organizations": [{"id": "o1", "name": "Rådet <script>alert(1)</script>"}]
            }
            """, "2:42", "the organization's 'name' holds markup"),
        ("an empty name", "{\"persons\": [{\"id\": \"p1\", \"name\": \"  \"}]}", "1:35", "the person's 'name' is empty"),
        ("no name", "{\"persons\": [{\"id\": \"p1\"}]}", "1:14", "the person has no 'name'"),
    ]

    @Test(arguments: badFiles.indices)
    func badFileIsALocatedErrorAndWritesNothing(_ index: Int) throws {
        let bad = Self.badFiles[index]
        let (result, folder) = try importText(bad.text)
        defer { try? FileManager.default.removeItem(at: folder) }
        let errors = result.diagnostics.sorted.filter { $0.severity == .error }.map(\.description)
        let expected = "\(folder.path)/popolo.json:\(bad.location): error: \(bad.message)"
        #expect(errors.contains { $0.hasPrefix(expected) }, "\(bad.name): \(errors)")
        #expect(result.written.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("content").path), "\(bad.name)")
    }

    @Test func anExistingFileIsNeverOverwrittenAndNothingElseIsWritten() throws {
        let existing = "---\ntype: person\ntitle: \"Anne Jensen\"\n---\nMine.\n"
        let (result, folder) = try importText("""
        {
          "persons": [{"id": "p1", "name": "Bo Lund"}, {"id": "p2", "name": "Anne Jensen"}],
          "organizations": [{"id": "o1", "name": "Rådet"}]
        }
        """, existing: ["personer/anne-jensen.md": existing])
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        let errors = result.diagnostics.sorted.filter { $0.severity == .error }.map(\.description)
        #expect(errors == ["\(folder.path)/popolo.json:2:55: error: 'personer/anne-jensen.md' exists already in '\(content.path)'; "
            + "charter import never overwrites a file (import into an empty folder)"])
        #expect(result.written.isEmpty)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: content.path).sorted() == ["personer", "personer/anne-jensen.md"])
        #expect(try String(contentsOf: content.appendingPathComponent("personer/anne-jensen.md"), encoding: .utf8) == existing)
    }

    @Test func anIdTakenByAFileOfAnotherTypeIsAnError() throws {
        let (result, folder) = try importText(#"{"organizations": [{"id": "o1", "name": "Rådet"}]}"#,
                                              existing: ["personer/raadet.md": "---\ntype: person\ntitle: \"Råd\"\n---\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.diagnostics.sorted.first?.message.hasPrefix("the id 'raadet' is taken by 'personer/raadet.md'") == true)
        #expect(result.written.isEmpty)
    }
}
