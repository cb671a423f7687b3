import Testing
@testable import CharterCore

/// `charter check`'s warnings about short names that do not help a reader, at the `short:` value.
struct ShortNameCheckerTests {
    static func body(_ title: String, short: String) -> String {
        "---\ntype: body\ntitle: \(title)\nshort: \(short)\n---\n"
    }

    @Test func shortNameThatTheTitleAlreadyHoldsIsWarnedAtTheShortValue() {
        let lines = Fixtures.diagnose(["forum.md": Self.body("Forum for ældre", short: "Forum")])
        #expect(lines == ["forum.md:4:8: warning: short name 'Forum' repeats the title 'Forum for ældre'; leave 'short' out or give an "
                          + "abbreviation the title does not already show"])
    }

    @Test func shortNameEqualToTheTitleIsWarned() {
        #expect(Fixtures.diagnose(["raad.md": Self.body("Rådet", short: "rådet")]).count == 1)
    }

    @Test func abbreviationInsideALongerWordIsNotARepeat() {
        #expect(Fixtures.diagnose(["raad.md": Self.body("Sundhedsrådet", short: "SR")]) == [])
        #expect(!ShortNameChecker.repeats("IT", title: "ITU-udvalget"))
        #expect(ShortNameChecker.repeats("Det Nære", title: "Forum for Det Nære Sundhedsvæsen"))
    }

    @Test func shortNameSharedBySeveralIsWarnedAtEachNamingTheOthers() {
        let lines = Fixtures.diagnose([
            "a.md": Self.body("Styregruppen for ældreområdet", short: "SG"),
            "b.md": Self.body("Styregruppen for sundhed", short: "SG"),
            "c.md": "---\ntype: unit\ntitle: Sundhedsgruppen\nshort: SG\n---\n",
        ])
        #expect(lines == [
            "a.md:4:8: warning: short name 'SG' is also the short name of 'b', 'c'; give each a short name of its own",
            "b.md:4:8: warning: short name 'SG' is also the short name of 'a', 'c'; give each a short name of its own",
            "c.md:4:8: warning: short name 'SG' is also the short name of 'a', 'b'; give each a short name of its own",
        ])
    }
}
