import Testing
@testable import CharterCore

/// The table of front-matter keys (`EntityFields`) agrees with what the reader accepts and reads, and with the reference
/// checks: a key declared for a type is read into its entities and refused on every other type, and a reference key
/// refuses a target of a type it does not name.
struct EntityFieldsTests {
    /// A value of the right shape for `field` in the front matter of a `type`.
    static func sample(_ field: EntityField, for type: EntityType) -> String {
        switch field.key {
        case "status": return EntitySchema.statuses(for: type)[0]
        case "title", "type": return ""  // in every front matter already
        default: break
        }
        switch field.shape {
        case .text, .reference, .datedReference, .referenceOrList: return "a"
        case .integer: return "1"
        case .day, .dateOrText: return "2026-01-01"
        case .texts, .markdownList, .references, .members: return "[a]"
        case .terms: return "{status: draft, approved_by: a}"
        case .agenda: return "[{title: a}]"
        case .decisions: return "[{title: a, date: 2026-01-01}]"
        case .phases: return "[{status: \(EntitySchema.statuses(for: type)[0])}]"
        }
    }

    /// Whether a value read holds something.
    static func isGiven(_ value: EntityField.Value) -> Bool {
        switch value {
        case .text(let text): text != nil
        case .integer(let integer): integer != nil
        case .day(let day): day != nil
        case .dateOrText(let value): value != nil
        case .texts(let texts): !texts.isEmpty
        case .markdownList(let texts): !texts.isEmpty
        case .reference(let reference): reference != nil
        case .references(let references): !references.isEmpty
        case .members(let members): !members.isEmpty
        case .terms(let terms): terms != nil
        case .agenda(let items): !items.isEmpty
        case .decisions(let decisions): !decisions.isEmpty
        case .phases(let phases): !phases.isEmpty
        }
    }

    @Test func everyDeclaredKeyIsReadOnItsTypesAndRefusedAsUnknownOnTheOthers() {
        for field in EntityFields.all where field.key != "type" && field.key != "title" {
            for type in EntityType.allCases {
                let text = "---\ntype: \(type.rawValue)\ntitle: T\n\(field.key): \(Self.sample(field, for: type))\n---\n"
                var diagnostics = Diagnostics()
                let entity = EntityReader.read(SourceFile(path: "e.md", relativePath: "e.md", text: text), into: &diagnostics)
                let messages = diagnostics.sorted.map(\.description)
                if field.types.contains(type) {
                    #expect(messages == [], "\(type.rawValue).\(field.key)")
                    #expect(entity.map { Self.isGiven($0.value(of: field)) } == true, "\(type.rawValue).\(field.key) is not read")
                    #expect(EntitySchema.allKeys(for: type).contains(field.key))
                } else {
                    #expect(messages.count == 1 && messages[0].hasPrefix("e.md:4:1: error: unknown field '\(field.key)' on a \(type.rawValue)"),
                            "\(type.rawValue).\(field.key): \(messages)")
                    #expect(!EntitySchema.allKeys(for: type).contains(field.key))
                }
            }
        }
    }

    @Test func everyReferenceKeyRefusesATargetOfAnotherTypeAndTakesOneOfItsOwn() {
        for field in EntityFields.all where !field.targets.isEmpty {
            let name = field.shape == .terms ? EntityField.termsApprovedBy : field.key
            let wrong = EntityType.allCases.first { !field.targets.contains($0) }!
            for type in field.types {
                for target in [wrong, field.targets.sorted { $0.sortKey < $1.sortKey }[0]] {
                    let lines = Fixtures.diagnose([
                        "e.md": "---\ntype: \(type.rawValue)\ntitle: E\n\(field.key): \(Self.sample(field, for: type))\n---\n",
                        "a.md": "---\ntype: \(target.rawValue)\ntitle: A\n---\n",
                    ])
                    let refused = lines.contains { $0.contains("error: '\(name)' must refer to a ") && $0.hasSuffix("but 'a' is a \(target.rawValue)") }
                    #expect(refused == !field.targets.contains(target), "\(type.rawValue).\(name) → \(target.rawValue): \(lines)")
                }
            }
        }
    }

    @Test func keysAndReferenceTargetsComeFromTheTable() {
        #expect(EntitySchema.commonKeys == ["type", "id", "title", "summary", "status", "updated"])
        #expect(EntitySchema.keys(for: .project) == ["owner", "units", "start", "in_operation_by", "goals", "phases"])
        #expect(EntitySchema.targets(of: EntityField.termsApprovedBy) == [.body])
        #expect(EntitySchema.targets(of: "held_by") == [.person])
        #expect(EntitySchema.targets(of: "text") == Set(EntityType.allCases))
        #expect(ModelJSON.datedFields == ["reports_to", "parent", "held_by"])
    }
}
