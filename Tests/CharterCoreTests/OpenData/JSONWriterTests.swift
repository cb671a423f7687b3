import Foundation
import Testing
@testable import CharterCore

/// The data files' one JSON writer, checked against Foundation's `JSONEncoder` (the plain reference it replaced).
@Suite struct JSONWriterTests {
    /// Values with every case, nesting, empty containers, keys that sort by their bytes, and strings that need escapes.
    static let samples: [JSON] = [
        "plain",
        ["b": 1, "a": true, "C": false, "_x": "y", "$schema": "s", "@id": "i", "a_b": [], "ab": [:], "a2": -7],
        ["nested": ["list": [["k": "v"], [], "x", 0], "empty": [:]], "æøå": "Ærø, Ålborg"],
        .array(["quote \" and \\ backslash", "line\nbreak\ttab\rreturn", "\u{01}\u{08}\u{0C}\u{1F}", "slash / <b> & \u{2028} \u{2029}",
                "e\u{301} combining", "emoji 👩‍⚕️"]),
        [],
        [:],
    ]

    @Test func prettyTextIsWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for sample in Self.samples {
            let reference = String(decoding: try encoder.encode(Reference(sample)), as: UTF8.self) + "\n"
            #expect(sample.text(.pretty) == reference)
        }
    }

    @Test func everyStyleReadsBackAsTheSameValue() throws {
        func read(_ text: String) throws -> NSObject? {
            try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as? NSObject
        }
        for sample in Self.samples {
            let reference = try read(sample.text(.pretty))
            #expect(reference != nil)
            for style in [JSONStyle.linkedData, .script] {
                #expect(try read(sample.text(style)) == reference, "\(sample.text(style))")
            }
        }
    }

    @Test func scriptTextCannotCloseItsScriptElement() {
        let text = JSON.object(["x": "</script><!-- & \u{2028}\u{2029} ok"]).text(.script)
        #expect(text == #"{"x":"\u003c/script\u003e\u003c!-- \u0026 \u2028\u2029 ok"}"#)
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
    }

    @Test func linkedDataKeepsLinksAndDatesOnOneLine() {
        let node: JSON = ["@id": "urn:x", "org:hasMember": [.link("urn:a"), .link("urn:b")], "dcterms:date": .date(Day(year: 2026, month: 3, day: 1))]
        #expect(node.text(.linkedData) == """
            {
              "@id": "urn:x",
              "dcterms:date": {"@type": "xsd:date", "@value": "2026-03-01"},
              "org:hasMember": [
                {"@id": "urn:a"},
                {"@id": "urn:b"}
              ]
            }
            """)
    }

    /// `JSON` as Foundation encodes it: the reference the writer must match byte for byte.
    private struct Reference: Encodable {
        let value: JSON
        init(_ value: JSON) { self.value = value }

        func encode(to encoder: Encoder) throws {
            switch value {
            case .string(let text):
                var container = encoder.singleValueContainer()
                try container.encode(text)
            case .int(let number):
                var container = encoder.singleValueContainer()
                try container.encode(number)
            case .bool(let flag):
                var container = encoder.singleValueContainer()
                try container.encode(flag)
            case .array(let values):
                var container = encoder.unkeyedContainer()
                for value in values { try container.encode(Reference(value)) }
            case .object(let members):
                var container = encoder.container(keyedBy: Key.self)
                for (key, value) in members { try container.encode(Reference(value), forKey: Key(stringValue: key)) }
            }
        }

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }
}
