import Foundation
import Testing
@testable import CharterCore

/// The model as open data: `model.json` read back with a JSON parser, its schema, and the CSV tables, all from the good
/// fixture built in memory.
struct ModelJSONTests {
    /// The good fixture's model, with the Danish translation.
    static let good = site("good")

    static func site(_ name: String) -> Site {
        var diagnostics = Diagnostics()
        var site = SiteBuilder.build(ContentTree.load(from: Fixtures.content(name), into: &diagnostics), into: &diagnostics)
        site.translation = Fixtures.danish
        return site
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The entities of a parsed `model.json`, by id.
    static func entities(_ document: [String: Any]) -> [String: [String: Any]] {
        let list = document["entities"] as? [[String: Any]] ?? []
        return Dictionary(list.map { ($0["id"] as? String ?? "", $0) }) { first, _ in first }
    }

    // MARK: model.json

    @Test func theDocumentNamesItsSchemaAndCarriesTheSitesSettings() throws {
        let document = try Self.object(ModelJSON.document(site: Self.good))
        #expect(document["$schema"] as? String == "model.schema.json")
        let site = try #require(document["site"] as? [String: String])
        #expect(site == ["title": "Testkommunens styring", "organisation": "Testkommunen", "language": "da",
                         "description": "Et lille, komplet eksempel til Charters tests.",
                         "base_url": "https://intra.example.org/styring/"])
    }

    @Test func everyEntityIsWrittenInSiteOrder() throws {
        let document = try Self.object(ModelJSON.document(site: Self.good))
        let ids = (document["entities"] as? [[String: Any]])?.map { $0["id"] as? String }
        #expect(ids == Self.good.entities.map(\.id))
    }

    @Test func aBodysReferencesAreWrittenAsIdsWithItsDatesAndTerms() throws {
        let forum = try #require(Self.entities(Self.object(ModelJSON.document(site: Self.good)))["forum"])
        #expect(forum["type"] as? String == "body")
        #expect(forum["status"] as? String == "draft")
        #expect(forum["kind"] as? String == "forum")
        #expect(forum["kind_label"] as? String == "Forum")
        #expect(forum["reports_to"] as? String == "styregruppe")
        #expect(forum["chair"] as? String == "direktoer")
        #expect(forum["secretariat"] as? String == "stab")
        #expect(forum["replaces"] as? String == "gammelt-udvalg")
        #expect(forum["established"] as? String == "2026-01-01")
        #expect(forum["ends"] as? String == "Ved udgangen af projektperioden")
        #expect(forum["members"] as? [[String: String]] == [["id": "chefsygeplejerske"], ["id": "plejecenter"]])
        let terms = try #require(forum["terms"] as? [String: Any])
        #expect(terms["status"] as? String == "draft")
        #expect(terms["version"] as? String == "0.1")
        #expect(terms["approved_by"] as? String == "styregruppe")
        #expect(terms["purpose"] as? String == "At sikre samarbejde mellem [plejecentret](../enheder/plejecenter.md) og sundhedsområdet.")
        #expect((terms["tasks"] as? [String])?.count == 2)
        #expect((forum["relations"] as? [String: Any])?["projects_owned"] as? [String] == ["tryg-hjem"])
    }

    @Test func aSeatsLabelIsWrittenAsItsAsKey() throws {
        let body = try #require(Self.entities(Self.object(ModelJSON.document(site: Self.good)))["styregruppe"])
        #expect(body["members"] as? [[String: String]] == [["id": "direktoer"],
                                                          ["id": "chefsygeplejerske", "as": "Repræsentant for plejen"]])
        #expect(body["short"] as? String == "SG")
        #expect(body["updated"] as? String == "2026-02-01")
        #expect((body["relations"] as? [String: Any])?["reporting_bodies"] as? [String] == ["forum"])
    }

    @Test func aPersonsSeatsAreDerivedThroughTheirRoles() throws {
        let anne = try #require(Self.entities(Self.object(ModelJSON.document(site: Self.good)))["anne-jensen"])
        #expect(anne["roles"] as? [String] == ["direktoer"])
        let relations = try #require(anne["relations"] as? [String: Any])
        #expect(relations["roles_of_person"] as? [String] == ["direktoer"])
        #expect(relations["seats"] as? [[String: String]] == [
            ["body": "forum", "role": "chair", "via": "direktoer"],
            ["body": "styregruppe", "role": "chair", "via": "direktoer"],
            ["body": "styregruppe", "role": "member", "via": "direktoer"],
        ])
        let role = try #require(Self.entities(Self.object(ModelJSON.document(site: Self.good)))["direktoer"])
        #expect((role["relations"] as? [String: Any])?["holders"] as? [String] == ["anne-jensen"])
        #expect(role["responsibilities"] as? [String] == ["Leder [Stab for Sundhed](../enheder/stab.md)."])
    }

    @Test func backlinksSayWhoRefersAndThroughWhichField() throws {
        let unit = try #require(Self.entities(Self.object(ModelJSON.document(site: Self.good)))["plejecenter"])
        let backlinks = try #require(unit["backlinks"] as? [[String: String]])
        #expect(backlinks.contains(["from": "forum", "via": "members"]))
        #expect(backlinks.contains(["from": "tryg-hjem", "via": "units"]))
        #expect(backlinks.contains(["from": "chefsygeplejerske", "via": "unit"]))
        #expect(unit["sites"] as? [String] == ["Solhøj", "Skovbo"])
        #expect(unit["parent"] as? String == "kommune")
    }

    @Test func pagesAreAddressedByPathAndByAbsoluteURLUnderTheBaseURL() throws {
        let entities = try Self.entities(Self.object(ModelJSON.document(site: Self.good)))
        #expect(entities["forum"]?["page"] as? [String: String]
                == ["path": "forum/index.html", "url": "https://intra.example.org/styring/forum/"])
        #expect(entities["index"]?["page"] as? [String: String] == ["path": "index.html", "url": "https://intra.example.org/styring/"])
        var relative = Self.good
        relative.config.baseURL = ""
        let withoutBase = try Self.entities(Self.object(ModelJSON.document(site: relative)))
        #expect(withoutBase["forum"]?["page"] as? [String: String] == ["path": "forum/index.html"])
    }

    @Test func missingAndEmptyValuesAreLeftOutNotWrittenAsNull() throws {
        let text = ModelJSON.document(site: Self.good)
        #expect(!text.contains("null"))
        #expect(!text.contains("[]") && !text.contains("{}"))
        let anne = try #require(Self.entities(Self.object(text))["anne-jensen"])
        #expect(anne["summary"] == nil && anne["status"] == nil && anne["members"] == nil)
    }

    @Test func theDocumentIsPrettyPrintedUTF8WithSlashesAndDanishLettersAsTheyAre() {
        let text = ModelJSON.document(site: Self.good)
        #expect(text.contains("\"title\" : \"Forum for ældre og sundhed\""))
        #expect(text.contains("\"url\" : \"https://intra.example.org/styring/forum/\""))
        #expect(!text.contains("\\u00") && !text.contains("\\/"))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func theSameModelGivesByteIdenticalJSON() {
        let first = ModelJSON.document(site: Self.good)
        #expect(ModelJSON.document(site: Self.good) == first)
        #expect(ModelJSON.document(site: Self.site("good")) == first, "a second build of the same content")
    }

    // MARK: model.schema.json

    @Test func theSchemaIsJSONOfDraft2020_12WithAClosedShapePerType() throws {
        let schema = try Self.object(ModelJSON.schema)
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["additionalProperties"] as? Bool == false)
        let definitions = try #require(schema["$defs"] as? [String: Any])
        for type in EntityType.allCases {
            let shape = try #require(definitions[type.rawValue] as? [String: Any], "\(type)")
            #expect(shape["additionalProperties"] as? Bool == false)
            #expect(shape["required"] as? [String] == ["id", "type", "title", "page"])
            let properties = try #require(shape["properties"] as? [String: [String: Any]])
            #expect(properties["status"]?["enum"] as? [String] == EntitySchema.statuses(for: type))
            #expect(properties["type"]?["const"] as? String == type.rawValue)
        }
        #expect((definitions["id"] as? [String: Any])?["pattern"] as? String == "^[a-z0-9-]+$")
        #expect((definitions["date"] as? [String: Any])?["format"] as? String == "date")
    }

    @Test func theSchemaDescribesEveryKeyTheFrontMatterAllows() {
        for type in EntityType.allCases {
            for key in EntitySchema.allKeys(for: type) {
                #expect(ModelJSON.field(key, of: type) != nil, "\(type.rawValue).\(key) has no shape in model.schema.json")
            }
        }
        let terms = (try? Self.object(ModelJSON.schema)["$defs"] as? [String: Any])?["terms"] as? [String: Any]
        let termsKeys = Set(((terms?["properties"] as? [String: Any]) ?? [:]).keys)
        #expect(termsKeys == EntitySchema.termsKeys)
    }

    @Test(arguments: ["good", "time", "merger"])
    func everyValueTheModelWritesIsAllowedByTheSchema(fixture: String) throws {
        let schema = try Self.object(ModelJSON.schema)
        let document = try Self.object(ModelJSON.document(site: Self.site(fixture)))
        #expect(SchemaCheck(root: schema).problems(document, schema) == [])
    }

    @Test func theSchemaRejectsAKeyThatTheEntitysTypeDoesNotHave() throws {
        let schema = try Self.object(ModelJSON.schema)
        var document = try Self.object(ModelJSON.document(site: Self.good))
        var entities = try #require(document["entities"] as? [[String: Any]])
        let forum = try #require(entities.firstIndex { $0["id"] as? String == "forum" })
        entities[forum]["sites"] = ["Solhøj"]
        entities[forum]["status"] = "running"
        document["entities"] = entities
        let problems = SchemaCheck(root: schema).problems(document, schema)
        #expect(problems.contains { $0.contains("sites") })
        #expect(problems.contains { $0.contains("running") })
    }

    // MARK: CSV

    @Test func thereAreSixTablesEachWithBOMHeaderAndCRLFLines() {
        let tables = CSVTables.tables(site: Self.good)
        #expect(tables.map(\.name) == ["bodies.csv", "units.csv", "roles.csv", "people.csv", "memberships.csv", "projects.csv"])
        for table in tables {
            #expect(table.text.hasPrefix("\u{FEFF}"), "\(table.name)")
            #expect(table.text.hasSuffix("\r\n"), "\(table.name)")
            let bytes = Array(table.text.utf8)
            for (offset, byte) in bytes.enumerated() where byte == 0x0A {
                #expect(offset > 0 && bytes[offset - 1] == 0x0D, "\(table.name): a bare LF")
            }
        }
        let bodies = lines(tables[0].text)
        #expect(bodies.first == "id,title,short,kind,kind_label,status,reports_to,chair,chair_title,secretariat,meets,established,ends,replaces,replaced_by,terms_status,summary,updated,url")
        #expect(bodies.count == 1 + Self.good.entities(of: .body).count)
    }

    @Test func membershipsHaveOneRowPerSeatWithTheMembersTypeAndLabel() {
        let table = lines(CSVTables.tables(site: Self.good)[4].text)
        #expect(table == [
            "body_id,body_title,member_id,member_title,member_type,role,label,from,until",
            "forum,Forum for ældre og sundhed,direktoer,Direktør for Sundhed,role,chair,,,",
            "forum,Forum for ældre og sundhed,chefsygeplejerske,Chefsygeplejerske,role,member,,,",
            "forum,Forum for ældre og sundhed,plejecenter,Plejecenter Solhøj,unit,member,,,",
            "styregruppe,Styregruppen for ældreområdet,direktoer,Direktør for Sundhed,role,chair,,,",
            "styregruppe,Styregruppen for ældreområdet,direktoer,Direktør for Sundhed,role,member,,,",
            "styregruppe,Styregruppen for ældreområdet,chefsygeplejerske,Chefsygeplejerske,role,member,Repræsentant for plejen,,",
        ])
    }

    @Test func aRowCarriesDanishLettersDerivedRelationsAndThePagesAbsoluteURL() {
        let tables = CSVTables.tables(site: Self.good)
        #expect(lines(tables[1].text).contains(
            "plejecenter,Plejecenter Solhøj,,afdeling,Afdeling,,kommune,,Solhøj; Skovbo,,,,,,https://intra.example.org/styring/plejecenter/"))
        #expect(lines(tables[3].text).contains("anne-jensen,Anne Jensen,,direktoer,,,https://intra.example.org/styring/anne-jensen/"))
        var relative = Self.good
        relative.config.baseURL = ""
        #expect(lines(CSVTables.tables(site: relative)[3].text).contains("anne-jensen,Anne Jensen,,direktoer,,,anne-jensen/index.html"))
    }

    @Test func aTitleWithACommaOrQuoteIsQuotedWithItsQuotesDoubled() throws {
        var site = Self.good
        let forum = try #require(site.index["forum"])
        site.entities[forum].title = "Forum for \"ældre\", sundhed"
        let bodies = lines(CSVTables.tables(site: site)[0].text)
        #expect(bodies.contains { $0.hasPrefix("forum,\"Forum for \"\"ældre\"\", sundhed\",,forum,Forum,draft,styregruppe,") })
        #expect(CSVTables.field("to\r\nlines") == "\"to\r\nlines\"")
        #expect(CSVTables.field("plain") == "plain")
    }

    @Test func aCellThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() throws {
        #expect(CSVTables.field("=1+1") == "'=1+1")
        #expect(CSVTables.field("+45 12 34 56 78") == "'+45 12 34 56 78")
        #expect(CSVTables.field("-2") == "'-2")
        #expect(CSVTables.field("@SUM(A1:A2)") == "'@SUM(A1:A2)")
        #expect(CSVTables.field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        #expect(CSVTables.field("Mødeleder - næstformand") == "Mødeleder - næstformand")
        var site = Self.good
        let forum = try #require(site.index["forum"])
        site.entities[forum].summary = "=cmd|' /C calc'!A0"
        #expect(CSVTables.tables(site: site)[0].text.contains(",'=cmd|' /C calc'!A0,"))
    }

    /// The lines of a table without its byte order mark.
    private func lines(_ text: String) -> [String] {
        text.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }
}

/// Checks a parsed JSON value against a parsed JSON Schema, for the keywords `model.schema.json` uses (`$ref`, `type`,
/// `const`, `enum`, `required`, `properties`, `additionalProperties: false`, `items`, `minItems`, `minProperties`,
/// `minLength`, `pattern`, `format: date`, `oneOf`, `allOf` of `if`/`then`): enough to prove that the writer and the schema
/// agree without a validator package. (The site tests validate with Python's `jsonschema`.)
struct SchemaCheck {
    let root: [String: Any]

    func problems(_ value: Any, _ schema: [String: Any], at path: String = "$") -> [String] {
        var found: [String] = []
        if let reference = schema["$ref"] as? String {
            let name = String(reference.dropFirst("#/$defs/".count))
            guard let target = (root["$defs"] as? [String: Any])?[name] as? [String: Any] else { return ["\(path): no $defs/\(name)"] }
            found += problems(value, target, at: path)
        }
        if let type = schema["type"] as? String, !Self.isOf(type, value) { found.append("\(path): not a \(type): \(value)") }
        if let constant = schema["const"], !Self.same(constant, value) { found.append("\(path): not \(constant): \(value)") }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.same($0, value) }) {
            found.append("\(path): \(value) is not one of \(options)")
        }
        if let text = value as? String {
            if let least = schema["minLength"] as? Int, text.count < least { found.append("\(path): shorter than \(least)") }
            if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                found.append("\(path): '\(text)' does not match \(pattern)")
            }
            if schema["format"] as? String == "date", Day(iso: text) == nil { found.append("\(path): '\(text)' is not a date") }
        }
        if let list = value as? [Any] {
            if let least = schema["minItems"] as? Int, list.count < least { found.append("\(path): fewer than \(least) items") }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in list.enumerated() { found += problems(item, items, at: "\(path)[\(index)]") }
            }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { found.append("\(path): no '\(key)'") }
            if let least = schema["minProperties"] as? Int, object.count < least { found.append("\(path): fewer than \(least) keys") }
            for (key, member) in object {
                if let shape = properties[key] {
                    found += problems(member, shape, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path): '\(key)' is not allowed")
                }
            }
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let matching = options.filter { problems(value, $0, at: path).isEmpty }.count
            if matching != 1 { found.append("\(path): matches \(matching) of the oneOf shapes, not one: \(value)") }
        }
        for part in schema["allOf"] as? [[String: Any]] ?? [] {
            if let condition = part["if"] as? [String: Any] {
                if problems(value, condition, at: path).isEmpty, let then = part["then"] as? [String: Any] {
                    found += problems(value, then, at: path)
                }
            } else {
                found += problems(value, part, at: path)
            }
        }
        return found
    }

    private static func isOf(_ type: String, _ value: Any) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "integer": (value as? NSNumber).map { Double(truncating: $0) == Double(Int(truncating: $0)) } ?? false
        case "boolean": value is Bool
        default: false
        }
    }

    private static func same(_ a: Any, _ b: Any) -> Bool {
        (a as? NSObject)?.isEqual(b) ?? false
    }
}

/// `replaces` in `model.json`: a text for one predecessor (as before mergers), a list for several.
struct ReplacesInModelJSONTests {
    @Test func onePredecessorIsWrittenAsAnIdAndSeveralAsAList() throws {
        let good = ModelJSONTests.entities(try ModelJSONTests.object(ModelJSON.document(site: ModelJSONTests.good)))
        #expect(good["forum"]?["replaces"] as? String == "gammelt-udvalg")
        let merger = ModelJSONTests.entities(try ModelJSONTests.object(ModelJSON.document(site: ModelJSONTests.site("merger"))))
        #expect(merger["sundhedsraad"]?["replaces"] as? [String] == ["gammelt-raad", "gammelt-udvalg"])
    }

    @Test func severalPredecessorsAreJoinedInTheBodiesTable() throws {
        let tables = CSVTables.tables(site: ModelJSONTests.site("merger"))
        let bodies = try #require(tables.first { $0.name == "bodies.csv" }?.text)
        #expect(bodies.contains("gammelt-raad; gammelt-udvalg"))
    }
}
