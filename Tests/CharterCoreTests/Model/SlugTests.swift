import Testing
@testable import CharterCore

struct SlugTests {
    @Test(arguments: [
        ("Formål og opgaver", "formaal-og-opgaver"),
        ("Sammensætning", "sammensaetning"),
        ("Mødeleder", "moedeleder"),
        ("Æ, Ø & Å!", "ae-oe-aa"),
        ("Café   Nørrebro -- 2026", "cafe-noerrebro-2026"),
        ("Straße i Århus", "strasse-i-aarhus"),
        // Decomposed letters fold as the precomposed ones do: "å" as "a" and a combining ring.
        ("Forma\u{030A}l og A\u{030A}rhus", "formaal-og-aarhus"),
    ])
    func danishLettersAreFoldedInSlugs(_ text: String, _ slug: String) {
        #expect(Slug.make(text) == slug)
    }

    @Test func headingsAreFoundInsideQuotesAndListsButNotInParagraphs() {
        let document = CommonMark.parse("# Én\n\n> ## To\n\n- ### Tre\n\nTekst med **fed** skrift.\n\n# Én\n")
        #expect(Heading.all(in: document).map(\.id) == ["en", "to", "tre", "en-2"])
        #expect(Heading.all(in: document).map(\.level) == [1, 2, 3, 1])
    }

    @Test func repeatedHeadingsGetNumberedIds() {
        #expect(Slug.unique(["Opgaver", "Opgaver", "!!"]) == ["opgaver", "opgaver-2", "afsnit"])
    }
}
