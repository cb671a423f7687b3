import Testing
@testable import CharterCore

/// Generated sentences as the language writes running text: small counts in words, role titles in lower case after a
/// sentence's start, names as written.
struct SentenceTests {
    static let danish = Fixtures.danish

    @Test func smallCountsInRunningTextAreWords() {
        #expect(Self.danish.countInWords(.chartMemberCount, 5) == "Organet har fem medlemmer.")
        #expect(Self.danish.countInWords(.chartMemberCount, 12) == "Organet har tolv medlemmer.")
        #expect(Self.danish.countInWords(.chartMemberCount, 13) == "Organet har 13 medlemmer.")
        #expect(Self.danish.countInWords(.chartMemberCount, 1) == "Organet har ét medlem.")
    }

    @Test func countsInTalliesStayDigits() {
        #expect(Self.danish.count(.searchTotal, 5) == "5 sider.")
    }

    @Test func aSentenceThatStartsWithACountStartsWithACapital() {
        #expect(Self.danish.countInWords(.chartChildUnitCount, 3) == "Tre underenheder.")
        let bodies = Self.danish.countInWords(.countBodies, 2, sentence: false)
        #expect(bodies == "to organer")
        #expect(Self.danish.sentence(.chartBodiesReportHere, ["bodies": bodies], generated: ["bodies"]) == "To organer refererer hertil.")
        #expect(Self.danish.sentence(.chartSecretariatForCount, ["bodies": bodies], generated: ["bodies"]) == "Sekretariat for to organer.")
    }

    @Test func roleTitleMidSentenceStartsInLowerCaseButANameDoesNot() {
        let t = Self.danish
        #expect(t.sentence(.chartChairIs, ["chair": "Mødeleder", "title": "Direktør for Det Nære Sundhedsvæsen"], titles: ["chair", "title"])
                == "Mødeleder er direktør for Det Nære Sundhedsvæsen.")
        #expect(t.sentence(.chartChairIs, ["chair": "Formand", "title": "Anne Jensen"], titles: ["chair"]) == "Formand er Anne Jensen.")
    }

    @Test func abbreviatedTitlesKeepTheirCapitals() {
        #expect(Self.danish.titleMidSentence("IT-chef") == "IT-chef")
        #expect(Self.danish.titleMidSentence("CFO") == "CFO")
        #expect(Self.danish.titleMidSentence("Sygehusdirektør") == "sygehusdirektør")
    }

    @Test func withoutTheDeclarationsTitlesAndCountsAreLeftAsTheyAre() {
        let plain = Translation(language: "xx", entries: ["chart_member_count": .plural(one: "1 member.", other: "{count} members."),
                                                          "chart_chair_is": .text("The {chair} is {title}.")])
        #expect(plain.countInWords(.chartMemberCount, 5) == "5 members.")
        #expect(plain.sentence(.chartChairIs, ["chair": "Chair", "title": "Director"], titles: ["chair", "title"]) == "The Chair is Director.")
    }

    @Test func englishWritesTheChairSentenceInLowerCaseToo() throws {
        var diagnostics = Diagnostics()
        var config = SiteConfig()
        config.language = "en"
        let english = TranslationLoader.load(config: config, templates: Fixtures.templates, content: "/nonexistent", into: &diagnostics)
        #expect(english.sentence(.chartChairIs, ["chair": "Chair", "title": "Director of Health"], titles: ["chair", "title"])
                == "The chair is director of Health.")
        #expect(english.countInWords(.chartMemberCount, 3) == "The body has three members.")
    }
}
