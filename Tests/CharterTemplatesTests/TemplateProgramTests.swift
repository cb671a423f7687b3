import Testing
@testable import CharterTemplates

/// The library with `partials` and `template` (as `main`) registered.
private func library(_ template: String, partials: [(String, String)]) throws -> TemplateLibrary {
    var library = TemplateLibrary()
    for (name, text) in partials { try library.register(text, named: name) }
    try library.register(template, named: "main")
    return library
}

/// Renders `main` with Charter's engine and with swift-mustache, and expects the same text.
private func renderBoth(_ template: String, _ context: [String: Any] = [:], partials: [(String, String)] = []) throws -> String {
    let actual = try #require(try library(template, partials: partials).render(TemplateValue(context), with: "main"))
    let expected = try TemplateDifferentialTests.mustache(template, partials: Dictionary(uniqueKeysWithValues: partials), context)
    #expect(actual == expected)
    return actual
}

/// What compiling templates into one flat program keeps and what it changes: partials, parents and blocks resolved
/// by index, sections as jumps, names interned once.
struct TemplateProgramTests {
    @Test func aSectionCompilesToAJumpPastItsEndAndBackToItsStart() throws {
        let program = try library("{{#a}}x{{/a}}", partials: []).program
        #expect(program.code == [.section(0, end: 2), .text(start: 0, count: 1), .sectionEnd(begin: 0), .return])
    }

    @Test func everyKeyNameIsInternedOnceWhateverHowOftenItIsUsed() throws {
        let program = try library("{{a}}{{#a}}{{a}}{{b.a}}{{/a}}", partials: [("p", "{{a}}{{b}}")]).program
        #expect(program.keys.map(\.name).sorted() == ["a", "b"])
    }

    @Test func aPartialRegisteredAfterTheTemplateThatUsesItIsFound() throws {
        var library = TemplateLibrary()
        try library.register("[{{>p}}]", named: "main")
        #expect(library.render([:], with: "main") == "[]")
        try library.register("p", named: "p")
        #expect(library.render([:], with: "main") == "[p]")
    }

    @Test func registeringANameAgainReplacesItAlsoWhereItIsAPartial() throws {
        var library = try library("[{{>p}}]", partials: [("p", "one")])
        try library.register("two", named: "p")
        #expect(library.render([:], with: "main") == "[two]")
        #expect(library.render([:], with: "p") == "two")
    }

    @Test func partialsNestedDeeperThanTheLimitRenderAsEmpty() throws {
        let limit = TemplateRenderer.maxDepth
        let partials = (1...limit + 5).map { ("p\($0)", "\($0) {{>p\($0 + 1)}}") }
        let output = try #require(try library("{{>p1}}", partials: partials).render([:], with: "main"))
        #expect(output == (1...limit).map { "\($0) " }.joined())
    }

    @Test func partialsIncludingEachOtherStopAtTheLimit() throws {
        let output = try #require(try library("{{>a}}", partials: [("a", "a{{>b}}"), ("b", "b{{>a}}")]).render([:], with: "main"))
        #expect(output == String(repeating: "ab", count: TemplateRenderer.maxDepth / 2))
    }

    @Test func aParentIncludingItselfThroughItsBlockStops() throws {
        let output = try #require(try library("{{<main}}{{$b}}x{{/b}}{{/main}}", partials: []).render([:], with: "main"))
        #expect(output.isEmpty)
    }

    @Test func standalonePartialsTwoLevelsDeepAreIndentedByBothLines() throws {
        let output = try renderBoth("<div>\n  {{>outer}}\n</div>\n",
                                    partials: [("outer", "<ul>\n  {{>inner}}\n</ul>\n"), ("inner", "<li>a</li>\n<li>b</li>\n")])
        #expect(output == "<div>\n  <ul>\n    <li>a</li>\n    <li>b</li>\n  </ul>\n</div>\n")
    }

    @Test func anIndentedTagThatWritesNothingAddsNoIndentation() throws {
        let partials = [("p", "{{#x}}{{/x}}{{missing}}\n{{#l}}{{.}}{{/l}}{{y}}\nend\n")]
        _ = try renderBoth("a\n  {{>p}}\nb\n", ["l": [String](), "y": "Y"], partials: partials)
        _ = try renderBoth("a\n  {{>p}}\nb\n", ["x": true, "l": ["1", "2"]], partials: partials)
    }

    @Test func sectionsListsAndBlocksInsideIndentedPartialsAreIndentedAsInSwiftMustache() throws {
        let partials = [
            ("list", "<ul>\n  {{#items}}\n  <li>{{title}}\n    {{>item}}\n  </li>\n  {{/items}}\n</ul>\n"),
            ("item", "{{#tags}}<b>{{.}}</b>\n{{/tags}}{{^tags}}none\n{{/tags}}"),
        ]
        let context: [String: Any] = ["items": [["title": "A", "tags": ["x", "y"]], ["title": "B", "tags": [String]()]]]
        _ = try renderBoth("<main>\n    {{>list}}\n</main>\n", context, partials: partials)
    }

    @Test func blocksTwoParentsDeepTakeTheOutermostOverride() throws {
        let partials = [
            ("base", "<{{$head}}base head{{/head}}|{{$body}}base body{{/body}}|{{$foot}}base foot{{/foot}}>"),
            ("middle", "{{<base}}{{$body}}middle [{{$inner}}middle inner{{/inner}}]{{/body}}{{$foot}}middle foot{{/foot}}{{/base}}"),
        ]
        let output = try renderBoth("{{<middle}}{{$inner}}page inner {{x}}{{/inner}}{{$foot}}page foot{{/foot}}{{/middle}}", ["x": 1],
                                    partials: partials)
        #expect(output == "<base head|middle [page inner 1]|page foot>")
    }

    @Test func indentedBlocksTwoParentsDeepAreIndentedAsInSwiftMustache() throws {
        let partials = [
            ("base", "<html>\n  {{$main}}\n  {{/main}}\n</html>\n"),
            ("middle", "{{<base}}\n{{$main}}\n<main>\n  {{$content}}\n  {{/content}}\n</main>\n{{/main}}\n{{/base}}\n"),
        ]
        _ = try renderBoth("{{<middle}}\n  {{$content}}\n    <p>{{x}}</p>\n    <p>b</p>\n  {{/content}}\n{{/middle}}\n", ["x": "a"],
                           partials: partials)
    }

    @Test func aMissingParentRendersNothingAndAMissingBlockItsDefault() throws {
        #expect(try renderBoth("[{{<nope}}{{$a}}x{{/a}}{{/nope}}]") == "[]")
        #expect(try renderBoth("[{{$a}}default{{/a}}]") == "[default]")
    }
}
