import Testing
@testable import CharterCore

/// Scalars are counted on the bytes, eight at a time, as Swift counts them.
struct ScalarCountTests {
    @Test(arguments: ["", "a", "Formål", "æøå ÆØÅ and more text than eight bytes", "e\u{0301}", "🇩🇰 flag", String(repeating: "ø", count: 17)])
    func scalarsAreCountedAsSwiftCountsThem(_ text: String) {
        var text = text
        let count = text.withUTF8 { UTF8Scalars.count(in: $0) }
        #expect(count == text.unicodeScalars.count)
    }

    @Test func theScalarsOfALineAreCountedByItsNumber() {
        let text = "første linje\nanden: æøå\n\nsidste"
        #expect(LinkResolver.scalarCount(ofLine: 0, in: text) == 12)
        #expect(LinkResolver.scalarCount(ofLine: 1, in: text) == 10)
        #expect(LinkResolver.scalarCount(ofLine: 2, in: text) == 0)
        #expect(LinkResolver.scalarCount(ofLine: 3, in: text) == 6)
        #expect(LinkResolver.scalarCount(ofLine: 4, in: text) == nil)
        #expect(LinkResolver.scalarCount(ofLine: 1, in: "a\n") == 0)
        #expect(LinkResolver.scalarCount(ofLine: 0, in: "") == 0)
        #expect(LinkResolver.scalarCount(ofLine: -1, in: "a") == nil)
    }
}
