import Foundation
import Mustache
import Testing
@testable import CharterTemplates

/// Renders `template` (registered as `main`, next to `partials`) with Charter's engine.
private func render(_ template: String, _ context: TemplateValue, partials: [String: String] = [:]) throws -> String {
    var library = TemplateLibrary()
    for (name, text) in partials { try library.register(text, named: name) }
    try library.register(template, named: "main")
    return try #require(library.render(context, with: "main"))
}

/// The syntax error parsing `template` throws.
private func syntaxError(_ template: String) -> TemplateSyntaxError? {
    do {
        _ = try Template(template)
        return nil
    } catch {
        return error as? TemplateSyntaxError
    }
}

/// What each kind of tag does.
struct TemplateEngineTests {
    @Test func variablesAreHTMLEscapedAndTripleMustachesAndAmpersandsAreNot() throws {
        let context: TemplateValue = ["x": "<a href=\"/\">Tom & 'Jerry'</a>"]
        #expect(try render("{{x}}|{{{x}}}|{{& x}}", context)
            == "&lt;a href=&quot;/&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;|<a href=\"/\">Tom & 'Jerry'</a>|<a href=\"/\">Tom & 'Jerry'</a>")
    }

    @Test func textGivenAsUTF8BytesRendersTestsAndTransformsAsTheSameString() throws {
        let text = "<p>Formål & \"mål\"</p>"
        let template = "{{x}}|{{{x}}}|{{#x}}ja{{/x}}{{^x}}nej{{/x}}|{{uppercased(x)}}|{{#empty(x)}}tom{{/empty(x)}}"
        #expect(try render(template, ["x": .utf8(Array(text.utf8))]) == (try render(template, ["x": .string(text)])))
        #expect(try render("{{#x}}ja{{/x}}{{^x}}nej{{/x}}", ["x": .utf8([])]) == (try render("{{#x}}ja{{/x}}{{^x}}nej{{/x}}", ["x": ""])))
    }

    @Test func lessThanFollowedByACombiningMarkIsStillEscaped() throws {
        // swift-mustache compares whole characters and lets "<\u{0338}" through; a browser still sees a '<'.
        #expect(try render("{{x}}", ["x": "a<\u{0338}b"]) == "a&lt;\u{0338}b")
    }

    @Test func booleansAndNumbersPrintAsSwiftPrintsThem() throws {
        #expect(try render("{{t}} {{f}} {{i}} {{d}} {{l}}", ["t": true, "f": false, "i": 42, "d": 1.5, "l": ["a", "b"]])
            == "true false 42 1.5 [&quot;a&quot;, &quot;b&quot;]")
    }

    @Test func missingAndNullValuesRenderAsNothing() throws {
        #expect(try render("[{{missing}}|{{n}}|{{n.x}}|{{a.missing}}]", ["n": .null, "a": [:]]) == "[|||]")
    }

    @Test func dottedNamesLookTheFirstKeyUpTheStackAndTheRestInsideIt() throws {
        let context: TemplateValue = ["site": ["title": "S"], "a": ["b": ["c": "deep"]], "items": [["name": "i"]]]
        #expect(try render("{{#items}}{{name}} {{site.title}} {{a.b.c}}{{/items}}", context) == "i S deep")
    }

    @Test func aKeyFoundOnTheStackStopsTheLookupEvenIfTheRestIsMissing() throws {
        let context: TemplateValue = ["a": ["b": "outer"], "inner": ["a": ["x": 1]]]
        #expect(try render("{{#inner}}[{{a.b}}]{{/inner}}", context) == "[]")
    }

    @Test func dotIsTheCurrentItemAndALeadingDotDoesNotClimbTheStack() throws {
        let context: TemplateValue = ["title": "root", "list": ["x", "y"], "maps": [["other": 1]]]
        #expect(try render("{{#list}}<{{.}}>{{/list}}", context) == "<x><y>")
        #expect(try render("{{#maps}}[{{.title}}|{{title}}]{{/maps}}", context) == "[|root]")
    }

    @Test func listSectionsRenderOncePerItemWithTheItemPushed() throws {
        let context: TemplateValue = ["nav": [["title": "A", "children": [["title": "A1"], ["title": "A2"]]], ["title": "B", "children": []]]]
        #expect(try render("{{#nav}}{{title}}({{#children}}{{title}};{{/children}}) {{/nav}}", context) == "A(A1;A2;) B() ")
    }

    @Test func trueRendersOnceAndMapsStringsAndNumbersRenderOncePushed() throws {
        let context: TemplateValue = ["t": true, "m": ["k": "v"], "s": "", "z": 0, "k": "outer"]
        #expect(try render("{{#t}}{{k}}{{/t}}|{{#m}}{{k}}{{/m}}|{{#s}}S{{.}}{{/s}}|{{#z}}Z{{.}}{{/z}}", context) == "outer|v|S|Z0")
    }

    @Test(arguments: [
        ("false", TemplateValue.bool(false)), ("null", .null), ("empty list", .list([])),
    ])
    func falsyValuesSkipSectionsAndRenderInvertedSections(_ name: String, _ value: TemplateValue) throws {
        #expect(try render("{{#x}}yes{{/x}}{{^x}}no{{/x}}", ["x": value]) == "no", "\(name)")
    }

    @Test func missingKeysSkipSectionsAndRenderInvertedSections() throws {
        #expect(try render("{{#x}}yes{{/x}}{{^x}}no{{/x}}", [:]) == "no")
    }

    @Test func anInvertedSectionOfAnEmptyListHasTheListAsItsContext() throws {
        #expect(try render("{{^x}}{{.}}{{/x}}", ["x": []]) == "[]")
    }

    @Test func emptyIsTrueForEmptyListsMapsAndStringsAndMissingOtherwise() throws {
        let template = "{{#empty(x)}}E{{/empty(x)}}{{^empty(x)}}N{{/empty(x)}}"
        #expect(try render(template, ["x": []]) == "E")
        #expect(try render(template, ["x": ["a"]]) == "N")
        #expect(try render(template, ["x": ""]) == "E")
        #expect(try render(template, ["x": [:]]) == "E")
        // Like swift-mustache: a missing value or one without `empty` gives nothing, which is falsy.
        #expect(try render(template, [:]) == "N")
        #expect(try render(template, ["x": true]) == "N")
    }

    @Test func transformsApplyInnermostFirst() throws {
        let context: TemplateValue = ["l": ["a", "b", "c"], "s": "héllo wörld", "n": 3]
        #expect(try render("{{count(l)}} {{first(l)}} {{last(l)}} {{#reversed(l)}}{{.}}{{/reversed(l)}}", context) == "3 a c cba")
        #expect(try render("{{uppercased(s)}}|{{capitalized(s)}}|{{uppercased(reversed(s))}}", context)
            == "HÉLLO WÖRLD|Héllo Wörld|DLRÖW OLLÉH")
        #expect(try render("{{plusone(n)}} {{minusone(n)}} {{odd(n)}} {{even(n)}} {{equalzero(n)}}", context) == "4 2 true false false")
    }

    @Test func loopTransformsGiveThePositionInTheList() throws {
        #expect(try render("{{#l}}{{index()}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}},{{/l}}", ["l": ["a", "b", "c"]])
            == "0F,1,2L,")
    }

    @Test func commentsRenderNothing() throws {
        #expect(try render("a{{! a comment }}b\n  {{! alone }}\nc", [:]) == "ab\nc")
    }

    @Test func standaloneSectionLinesAreRemovedWithTheirLineBreak() throws {
        let template = "<ul>\n  {{#l}}\n  <li>{{.}}</li>\n  {{/l}}\n</ul>\n{{^l}}\nnone\n{{/l}}\n"
        #expect(try render(template, ["l": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render(template, ["l": []]) == "<ul>\n</ul>\nnone\n")
    }

    @Test func aLoneBraceEndingTheTextIsText() throws {
        // swift-mustache fails to parse this.
        #expect(try render("a {", [:]) == "a {")
    }

    @Test func tagsSharingALineWithTextAreNotStandalone() throws {
        #expect(try render("a {{#t}}b{{/t}} c\n", ["t": true]) == "a b c\n")
    }

    @Test func partialsRenderWithTheCurrentContextAndMayHaveSlashesInTheirNames() throws {
        let partials = ["partials/item": "<li>{{title}}</li>"]
        #expect(try render("{{#l}}{{>partials/item}}{{/l}}|{{> missing }}|", ["l": [["title": "a"], ["title": "b"]]], partials: partials)
            == "<li>a</li><li>b</li>||")
    }

    @Test func aStandalonePartialIsIndentedByItsLinesWhitespace() throws {
        #expect(try render("<ul>\n  {{>p}}\n</ul>", [:], partials: ["p": "<li>1</li>\n<li>2</li>\n"])
            == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>")
    }

    @Test func theSecondItemOfAListInAnIndentedPartialIsNotIndentedAsInSwiftMustache() throws {
        #expect(try render("a\n  {{>p}}\nb", ["x": ["1", "2"]], partials: ["p": "{{#x}}{{.}}\n{{/x}}z\n"]) == "a\n  1\n2\n  z\nb")
    }

    @Test func aParentsBlocksReplaceItsDefaultsAndTextBesideThemIsIgnored() throws {
        let partials = ["layout": "<title>{{$title}}Default{{/title}}</title>\n<main>\n{{$content}}{{/content}}\n</main>\n"]
        let page = "{{<layout}}\nignored\n{{$content}}\n<p>{{body}}</p>\n{{/content}}\n{{/layout}}\n"
        #expect(try render(page, ["body": "B"], partials: partials) == "<title>Default</title>\n<main>\n<p>B</p>\n\n</main>\n")
    }

    @Test func theOutermostParentsBlockWinsOverANestedParents() throws {
        let partials = [
            "base": "[{{$a}}base a{{/a}}|{{$b}}base b{{/b}}]",
            "middle": "{{<base}}{{$a}}middle a{{/a}}{{$b}}middle b{{/b}}{{/base}}",
        ]
        #expect(try render("{{<middle}}{{$a}}page a{{/a}}{{/middle}}", [:], partials: partials) == "[page a|middle b]")
    }

    @Test func blocksInAPartialOfAParentAreReplacedToo() throws {
        let partials = ["layout": "<{{>inner}}>", "inner": "{{$x}}default{{/x}}"]
        #expect(try render("{{<layout}}{{$x}}override{{/x}}{{/layout}}", [:], partials: partials) == "<override>")
    }

    @Test func aTemplateIncludingItselfStopsInsteadOfOverflowingTheStack() throws {
        let output = try render("x{{>main}}", [:])
        #expect(output == String(repeating: "x", count: TemplateRenderer.maxDepth + 1))
    }
}

/// Where and how template syntax errors are reported.
struct TemplateSyntaxErrorTests {
    @Test func anUnclosedSectionIsReportedAtItsOpeningTag() {
        #expect(syntaxError("a\n  {{#x}}\nb\n") == TemplateSyntaxError(message: "a section is not closed ('{{/name}}' missing)", line: 2, column: 3))
    }

    @Test func aSectionClosedWithAnotherNameIsReportedAtTheClosingTag() {
        #expect(syntaxError("{{#x}}\næ {{/y}}")
            == TemplateSyntaxError(message: "a section is closed with another name than it was opened with", line: 2, column: 3))
        #expect(syntaxError("{{#empty(x)}}{{/x}}")?.message == "a section is closed with another name than it was opened with")
        #expect(syntaxError("{{/x}}")?.message == "a section is closed with another name than it was opened with")
    }

    @Test(arguments: ["ab {{x", "ab {{x}", "ab {{{x}}", "ab {{x y}}", "ab {{! comment", "ab {{a(b}}", "ab {{#x"])
    func anUnfinishedTagIsReportedAtItsBraces(_ template: String) {
        #expect(syntaxError(template) == TemplateSyntaxError(message: "a tag is not finished ('}}' missing)", line: 1, column: 4))
    }

    @Test func anUnknownTransformIsReportedWithTheKnownOnes() throws {
        let error = try #require(syntaxError("{{#sorted(x)}}{{/sorted(x)}}"))
        #expect(error.message.hasPrefix("unknown transform 'sorted' (known: empty, count, first, last, reversed,"))
    }

    @Test func unsupportedTagsAreReported() {
        #expect(syntaxError("{{=<% %>=}}")?.message == "set delimiter tags are not supported")
        #expect(syntaxError("{{>*name}}")?.message == "dynamic partial names ('{{>*name}}') are not supported")
        #expect(syntaxError("{{<p}}{{x}}{{/p}}")?.column == 7)
    }
}

/// Converting the `[String: Any]` contexts Charter builds.
struct TemplateValueTests {
    /// A type `TemplateValue` does not know, such as Charter's `Day`: it becomes its description.
    struct Stamp: CustomStringConvertible {
        var description: String { "2026-03-01" }
    }

    @Test func swiftValuesConvertToTheirTemplateValues() {
        let nothing: String? = nil
        let some: Int? = 3
        let any: [String: Any] = [
            "s": "text", "sub": "abc".dropFirst(), "b": true, "i": 1, "d": 0.5, "strings": ["a"],
            "maps": [["k": "v"]], "mixed": [1, "x"] as [Any], "nil": nothing as Any, "some": some as Any, "null": NSNull(),
            "other": Stamp(),
        ]
        let expected: TemplateValue = [
            "s": "text", "sub": "bc", "b": true, "i": 1, "d": 0.5, "strings": ["a"], "maps": [["k": "v"]], "mixed": [1, "x"],
            "nil": .null, "some": 3, "null": .null, "other": .string(String(describing: Stamp())),
        ]
        #expect(TemplateValue(any) == expected)
    }

    @Test func aLibraryKnowsItsNamesAndRendersNothingForAnUnknownOne() throws {
        var library = TemplateLibrary()
        try library.register("x", named: "a")
        #expect(library.names == ["a"])
        #expect(library.render([:], with: "b") == nil)
    }
}

/// The same templates and contexts rendered by swift-mustache and by Charter's engine give the same text.
struct TemplateDifferentialTests {
    /// The repository's `templates/` folder, which Charter's default site renders with.
    static let repositoryTemplates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates")

    struct Case: Sendable, CustomTestStringConvertible {
        var template: String
        var partials: [String: String] = [:]
        var context: @Sendable () -> [String: Any]
        /// Which value `x` is, for the value cases.
        var value = ""
        var testDescription: String { template.debugDescription + (value.isEmpty ? "" : " with \(value)") }
    }

    /// Renders with swift-mustache.
    static func mustache(_ template: String, partials: [String: String], _ context: Any) throws -> String {
        var library = MustacheLibrary()
        for (name, text) in partials { try library.register(text, named: name) }
        try library.register(template, named: "main")
        return try #require(library.render(context, withTemplate: "main"))
    }

    static let falsyAndTruthy: [(String, @Sendable () -> Any)] = [
        ("false", { false }), ("true", { true }), ("null", { NSNull() }), ("empty list", { [String]() }),
        ("empty string", { "" }), ("zero", { 0 }), ("list", { ["a", "<b>"] }), ("string", { "s&t" }),
        ("map", { ["k": "v"] as [String: Any] }), ("empty map", { [String: Any]() }), ("double", { 2.5 }),
    ]

    /// Each value against each way of testing it, plus a missing key.
    static let valueCases: [Case] = {
        let templates = [
            "[{{#x}}yes{{/x}}|{{^x}}no{{/x}}]",
            "[{{#x}}<{{.}}>{{/x}}]",
            "[{{#empty(x)}}E{{/empty(x)}}|{{^empty(x)}}N{{/empty(x)}}]",
            "[{{count(x)}}|{{first(x)}}|{{last(x)}}|{{#first(x)}}f{{/first(x)}}]",
            "[{{#x}}{{k}}{{/x}}|{{^x}}{{k}}{{/x}}]",
        ]
        var cases: [Case] = []
        for template in templates {
            cases.append(Case(template: template, context: { ["k": "outer"] }, value: "missing"))
            for (name, value) in falsyAndTruthy {
                cases.append(Case(template: template, context: { ["x": value(), "k": "outer"] }, value: name))
            }
        }
        return cases
    }()

    static let cases: [Case] = [
        Case(template: "{{^x}}{{.}}{{/x}}", context: { ["x": [String]()] }),
        Case(template: "Hello {{name}}! {{{name}}} {{& name}}", context: { ["name": "<World & 'you' \"x\">"] }),
        Case(template: "{{t}} {{f}} {{i}} {{d}} {{e}} {{l}}", context: { ["t": true, "f": false, "i": -7, "d": 1.25, "e": 2.0, "l": ["a", "b"]] }),
        Case(template: "{{a.b.c}}|{{a.b.x}}|{{a.x.c}}|{{x.y}}", context: { ["a": ["b": ["c": "deep"]]] }),
        Case(template: "{{#outer}}{{#inner}}{{title}}|{{outer.title}}|{{site}}|{{a.b}}{{/inner}}{{/outer}}",
             context: { ["site": "S", "a": ["b": "root"], "outer": ["title": "O", "inner": ["a": ["c": 1]]]] }),
        Case(template: "{{#list}}{{name}}:{{#tags}}<{{.}}>{{/tags}};{{/list}}",
             context: { ["list": [["name": "a", "tags": ["x", "y"]], ["name": "b", "tags": [String]()]]] }),
        Case(template: "{{#items}}{{title}}-{{site}}-{{.title}}-{{.site}} {{/items}}", context: { ["site": "S", "items": [["title": "1"], ["title": "2"]]] }),
        Case(template: "{{#nav}}<li{{#current}} class=\"current\"{{/current}}>{{title}}</li>{{/nav}}",
             context: { ["current": true, "nav": [["title": "A", "current": false], ["title": "B", "current": true], ["title": "C"]]] }),
        Case(template: "a\n{{#x}}\nb\n{{/x}}\nc\n", context: { ["x": true] }),
        Case(template: "a\n  {{#x}}\n  b\n  {{/x}}\n  {{^x}}\n  none\n  {{/x}}\nc", context: { ["x": [1, 2]] }),
        Case(template: "a\n  {{! comment }}\nb {{! inline }} c\n{{!last}}", context: { [:] }),
        Case(template: "a {{#x}}b{{/x}} c\n{{#x}} d {{/x}}\n", context: { ["x": true] }),
        Case(template: "a\r\n{{#x}}\r\nb\r\n{{/x}}\r\nc\r\n", context: { ["x": true] }),
        Case(template: "{{#x}}\nX{{/x}} {{#y}}\nfoo\n{{/y}}\n", context: { ["x": true, "y": true] }),
        Case(template: "{{#x}}x\n{{/x}}\n{{#y}}\ny\n{{/y}}\n", context: { ["x": true, "y": true] }),
        Case(template: "{{#x}}\n  {{/x}}  \n  {{#x}}  \n  z  \n  {{/x}}  ", context: { ["x": true] }),
        Case(template: "a\n  ", context: { [:] }),
        Case(template: "{{#x}}\nA\n{{/x}}", context: { ["x": true] }),
        Case(template: "a\n  {{{x}}}\n  {{&x}}  \n\t\n", context: { ["x": "<b>"] }),
        Case(template: "a\r{{#x}}\ry\r{{/x}}\r|{{#x}}\u{0C}y\u{0B}{{/x}}\u{2028}z", context: { ["x": true] }),
        Case(template: "a { b } {c} {{x}} }} { x", context: { ["x": "{{y}}"] }),
        Case(template: "{{\u{A0}x\u{A0}}}|{{#\tx\n}}y{{/x }}", context: { ["x": "1"] }),
        Case(template: "{{#l}}\n{{<p}}{{$b}}{{.}}{{/b}}{{/p}}\n{{/l}}", partials: ["p": "<{{$b}}{{/b}}>\n"], context: { ["l": ["a", "b"]] }),
        Case(template: "a\n  {{$b}}\n  x\n  {{/b}}\nz\n  {{<p}}\n  {{$b}}\n    y\n  {{/b}}\n  {{/p}}\n", partials: ["p": "[\n  {{$b}}{{/b}}\n]\n"],
             context: { [:] }),
        Case(template: "<main>\n  {{$content}}{{#x}}\n  x\n  {{/x}}{{/content}}\n</main>", context: { ["x": [1, 2]] }),
        Case(template: "{{ name }} {{# x }}y{{/ x }} {{{ name }}}", context: { ["name": "n", "x": true] }),
        Case(template: "æøå {{x}} ✓\n", context: { ["x": "ß<é>"] }),
        Case(template: "<ul>{{#items}}{{>item}}{{/items}}</ul>", partials: ["item": "<li>{{title}}</li>\n"],
             context: { ["items": [["title": "a"], ["title": "b"]]] }),
        Case(template: "<ul>\n  {{>item}}\n</ul>\n", partials: ["item": "<li>1</li>\n<li>{{x}}</li>\n"], context: { ["x": "2"] }),
        Case(template: "a\n  {{>p}}\nb", partials: ["p": "{{#x}}{{.}}\n{{/x}}z\n"], context: { ["x": ["1", "2"]] }),
        Case(template: "  {{>p}}\n", partials: ["p": "  {{>q}}\nend\n", "q": "one\ntwo\n"], context: { [:] }),
        Case(template: "{{>partials/a}}|{{>nope}}", partials: ["partials/a": "A{{>partials/b}}", "partials/b": "B{{x}}"], context: { ["x": 1] }),
        Case(template: "{{#l}}{{>p}}{{/l}}", partials: ["p": "{{index()}}"], context: { ["l": ["a", "b"]] }),
        Case(template: "{{#l}}{{index()}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}}{{plusone(index())}}{{#even()}}e{{/even()}},{{/l}}",
             context: { ["l": ["a", "b", "c"]] }),
        Case(template: "{{uppercased(s)}}|{{lowercased(s)}}|{{capitalized(s)}}|{{uppercased(reversed(s))}}|{{empty(s)}}",
             context: { ["s": "héllo Wörld"] }),
        Case(template: "{{plusone(n)}} {{minusone(n)}} {{odd(n)}} {{even(n)}} {{equalzero(n)}} {{#equalzero(z)}}zero{{/equalzero(z)}}",
             context: { ["n": 3, "z": 0] }),
        Case(template: "{{count(l)}} {{count(m)}} {{#reversed(l)}}{{.}}{{/reversed(l)}} {{#last(l)}}{{.}}{{/last(l)}}",
             context: { ["l": ["a", "b", "c"], "m": ["k": 1]] }),
        Case(template: "{{<layout}}\nignored\n{{$content}}\n<p>{{body}}</p>\n{{/content}}\n{{/layout}}\n",
             partials: ["layout": "<title>{{$title}}Default{{/title}}</title>\n<main>\n{{$content}}{{/content}}\n</main>\n"],
             context: { ["body": "B"] }),
        Case(template: "{{<layout}}{{$title}}T{{/title}} ignored {{! c }}{{/layout}}",
             partials: ["layout": "<title>{{$title}}Default{{/title}}</title>{{$content}}none{{/content}}"], context: { [:] }),
        Case(template: "{{<middle}}{{$a}}page a{{/a}}{{/middle}}",
             partials: ["base": "[{{$a}}base a{{/a}}|{{$b}}base b{{/b}}|{{$c}}base c{{/c}}]",
                        "middle": "{{<base}}{{$a}}middle a{{/a}}{{$b}}middle b{{/b}}{{/base}}"], context: { [:] }),
        Case(template: "{{<layout}}{{$x}}{{#l}}<{{.}}>{{/l}}{{/x}}{{/layout}}", partials: ["layout": "[{{>inner}}]", "inner": "{{$x}}d{{/x}}"],
             context: { ["l": [1, 2]] }),
        Case(template: "{{<layout}}\n  {{$content}}\n    <p>a</p>\n      <p>b</p>\n    {{#x}}\n      <p>c</p>\n    {{/x}}\n  {{/content}}\n{{/layout}}\n",
             partials: ["layout": "<main>\n  {{$content}}\n  {{/content}}\n</main>\n"], context: { ["x": true] }),
        Case(template: "a\n  {{<p}}{{$b}}x\ny\n{{/b}}{{/p}}\nz", partials: ["p": "[{{$b}}{{/b}}]\n"], context: { [:] }),
        Case(template: "{{#page}}{{>partials/header}}{{/page}}", partials: ["partials/header": "<h1>{{title}}</h1>{{#short}} ({{short}}){{/short}}"],
             context: { ["title": "outer", "page": ["title": "P", "short": "p"]] }),
        Case(template: "{{#a}}{{#b}}{{#c}}{{d}}{{e}}{{f}}{{/c}}{{/b}}{{/a}}",
             context: { ["f": "F", "a": ["e": "E", "b": ["c": [["d": 1], ["d": 2, "e": "e"]]]]] }),
    ]

    @Test(arguments: valueCases + cases)
    func swiftMustacheAndCharterRenderTheSame(_ testCase: Case) throws {
        let context = testCase.context()
        let expected = try Self.mustache(testCase.template, partials: testCase.partials, context)
        let actual = try render(testCase.template, TemplateValue(context), partials: testCase.partials)
        #expect(actual == expected)
    }

    @Test(arguments: ["full", "sparse"])
    func charterTemplatesRenderTheSameWithBothEngines(_ kind: String) throws {
        var mustache = MustacheLibrary()
        var library = TemplateLibrary()
        let folder = Self.repositoryTemplates
        let files = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        var names: [String] = []
        for file in files.sorted() where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            try mustache.register(text, named: name)
            try library.register(text, named: name)
            names.append(name)
        }
        #expect(names.contains("body") && names.contains("layout") && names.contains("partials/header"))
        let context = kind == "full" ? RealisticContext.full() : RealisticContext.sparse()
        for name in names where !name.hasPrefix("partials/") {
            let expected = try #require(mustache.render(context, withTemplate: name))
            let actual = library.render(TemplateValue(context), with: name)
            #expect(actual == expected, "\(name).mustache")
            #expect(expected.count > 200, "\(name).mustache")
        }
    }
}

/// A context with every key Charter's templates use, as the site renderer builds it, and a sparse one where the
/// lists are empty or missing.
enum RealisticContext {
    static func item(_ title: String, summary: String? = nil, status: String? = nil) -> [String: Any] {
        var item: [String: Any] = ["id": title.lowercased(), "title": title, "href": "../\(title.lowercased())/index.html",
                                   "type": "body", "typeLabel": "Organ"]
        if let summary { item["summary"] = summary }
        if let status { item["status"] = status; item["statusLabel"] = "Status \(status)" }
        return item
    }

    static func layout() -> [String: Any] {
        [
            "site": ["title": "Ledelsesmodel", "language": "da", "organisation": "Region & Co", "description": "Om \"modellen\""],
            "title": "Styregruppen", "pageTitle": "Styregruppen – Ledelsesmodel", "root": "../", "home": "../index.html",
            "stylesheet": "../assets/style.css", "script": "../assets/site.js", "searchHref": "../soeg/index.html",
            "nav": [
                ["title": "Forside", "href": "../index.html", "key": "index", "current": false, "children": [[String: Any]](), "all": false],
                ["title": "Sider", "href": "../sider/index.html", "key": "sider", "current": true, "all": false, "children": [
                    ["title": "Om", "href": "../om/index.html", "key": "om", "current": true, "children": [[String: Any]](), "all": false],
                    ["title": "Alle sider", "href": "../sider/index.html", "key": "sider", "current": false, "children": [[String: Any]](), "all": true],
                ]],
            ],
            "breadcrumbs": [["title": "Forside", "href": "../index.html"], ["title": "Organer", "href": "../organer/index.html"], ["title": "Styregruppen"]],
            "description": "Styregruppen <leder> alt", "lastChanged": "1. marts 2026", "lastChangedISO": "2026-03-01",
            "buildDate": "2. marts 2026", "buildDateISO": "2026-03-02", "indexed": "Organ",
        ]
    }

    static func chart() -> [String: Any] {
        func outline(_ title: String, _ children: [[String: Any]]) -> [String: Any] {
            ["relation": title == "Root" ? false : "refererer til", "title": title, "href": title == "Leaf" ? false : "\(title).html",
             "note": title == "Mid" ? "note & more" : false, "current": title == "Mid", "children": children]
        }
        return [
            "key": "k", "scope": "local", "title": "Diagram", "summary": "s", "drawn": true, "svg": "<svg><g/></svg>",
            "legend": [["key": "unit", "label": "Enhed", "box": true, "line": false, "rounded": false, "dash": false],
                       ["key": "secretariat", "label": "Sekretariat", "box": false, "line": true, "rounded": false, "dash": "5 3"]],
            "outline": [outline("Root", [outline("Mid", [outline("Leaf", [])]), outline("Other", [])])],
        ]
    }

    static func page() -> [String: Any] {
        var page = item("Styregruppen", summary: "Leder <projekter>", status: "active")
        page["kindLabel"] = "Styregruppe"
        page["content"] = "<p>Tekst &amp; mere</p>\n<h2 id=\"a\">A</h2>"
        page["isDraft"] = true
        page["updated"] = "1. marts 2026"
        page["updatedISO"] = "2026-03-01"
        page["short"] = "SG"
        page["toc"] = [["id": "a", "text": "A & B", "sub": false], ["id": "b", "text": "B", "sub": true]]
        page["facts"] = [["label": "Type", "html": "Styregruppe"], ["label": "Leder", "html": "<a href=\"x\">X</a>"]]
        page["backlinks"] = [item("Rådet", summary: "Et råd").merging(["via": "medlem"]) { $1 }]
        page["seats"] = [["html": "<a>Forum</a>", "role": "Medlem", "label": "suppleant", "viaHTML": "<a>Rolle</a>"], ["html": "<a>B</a>", "role": "Mødeleder"]]
        page["members"] = [["html": "<a>P</a>", "label": "formand", "typeLabel": "Person"], ["html": "<a>Q</a>"]]
        page["reportingBodies"] = [item("Udvalg", status: "draft")]
        page["projects"] = [item("Projekt", summary: "Nyt \"system\"")]
        page["terms"] = [
            "title": "Kommissorium", "status": "approved", "statusLabel": "Godkendt", "isDraft": false, "version": "2",
            "approvedBy": "<a>Direktionen</a>", "approved": "1. januar 2026", "purpose": "<p>Formål</p>", "tasks": ["<em>a</em>", "b"],
            "composition": [["html": "<a>P</a>", "label": "formand"]], "chair": "<a>C</a>", "secretariat": "<a>S</a>",
            "meets": "Hver måned", "reportsTo": "<a>R</a>", "period": "Fra 2025", "printHref": "p.html", "pdfHref": "p.pdf",
        ]
        page["roles"] = [item("Rolle")]
        page["goals"] = ["Mål <1>", "Mål 2"]
        page["units"] = [item("Enhed")]
        page["holders"] = [item("Person")]
        page["responsibilities"] = ["Ansvar"]
        page["childUnits"] = [item("Underenhed")]
        page["secretariatFor"] = [item("Forum")]
        return page
    }

    static func event(_ title: String, iso: Bool) -> [String: Any] {
        item(title, summary: "om \(title)").merging(["date": "1. maj 2026", "iso": iso ? "2026-05-01" : false, "what": "Start",
                                                   "approximate": false]) { $1 }
    }

    static func full() -> [String: Any] {
        var context = layout()
        context["page"] = page()
        context["chart"] = chart()
        context["pager"] = true
        context["previous"] = item("Forrige")
        context["next"] = item("Næste")
        context["types"] = [["title": "Organer", "href": "organer/index.html", "count": 3]]
        context["organisationHref"] = "organisation/index.html"
        context["organer"] = [item("A"), item("B", summary: "b", status: "active")]
        context["projekter"] = [item("P")]
        context["upcoming"] = [event("E", iso: true), event("F", iso: false)]
        context["timelineHref"] = "tidslinje/index.html"
        context["recent"] = [item("R").merging(["updated": "1. marts 2026", "updatedISO": "2026-03-01"]) { $1 }]
        context["pages"] = [item("Om")]
        context["count"] = 2
        context["hasDates"] = true
        context["items"] = [item("I", summary: "i", status: "active").merging(["kindLabel": "Udvalg", "dates": ["Start: 2026"], "updated": "i dag"]) { $1 },
                            item("J").merging(["dates": [String]()]) { $1 }]
        context["searchIndex"] = "../pagefind/"
        context["cleanURLs"] = true
        context["total"] = 12
        context["groups"] = [["id": "organer", "title": "Organer", "href": "o.html", "count": 1, "items": [item("G", summary: "g", status: "active")]]]
        context["yearLinks"] = [["year": 2026, "id": "aar-2026"]]
        context["years"] = [["year": 2026, "id": "aar-2026", "events": [event("Y", iso: true)]]]
        context["undated"] = [event("U", iso: false)]
        context["printDate"] = "2. marts 2026"
        context["printDateISO"] = "2026-03-02"
        var document = page()
        document["anchor"] = "dok-sg"
        document["webHref"] = "https://example.org/sg/"
        document["chart"] = "<svg/>"
        context["documents"] = [document, item("Andet").merging(["anchor": "dok-a", "terms": ["title": "T", "statusLabel": "Udkast"], "isDraft": true]) { $1 }]
        context["document"] = document
        return context
    }

    static func sparse() -> [String: Any] {
        var context = layout()
        context["nav"] = [["title": "Forside", "href": "index.html", "key": "index", "current": true, "children": [[String: Any]](), "all": false]]
        context["breadcrumbs"] = [[String: Any]]()
        context.removeValue(forKey: "lastChanged")
        context["site"] = ["title": "Model", "language": "da"]
        context["page"] = ["title": "Tom", "typeLabel": "Side", "content": "", "toc": [[String: Any](), [:]], "facts": [[String: Any]](),
                           "backlinks": [[String: Any]](), "members": [[String: Any]]()]
        context["items"] = [[String: Any]]()
        context["groups"] = [[String: Any]]()
        context["documents"] = [[String: Any]]()
        context["document"] = ["title": "Tom", "anchor": "dok"]
        return context
    }
}
