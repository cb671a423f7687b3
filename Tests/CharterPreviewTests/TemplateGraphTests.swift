import Testing
@testable import CharterPreview

struct TemplateGraphTests {
    let graph = TemplateGraph(templates: [
        "layout": "<html>{{$content}}{{/content}}{{> partials/nav }}</html>",
        "body": "{{<layout}}{{$content}}{{>partials/facts}}{{/content}}{{/layout}}",
        "unit": "{{< layout}}{{$content}}{{/content}}{{/layout}}",
        "partials/facts": "<dl>{{#facts}}<dt>{{label}}</dt>{{/facts}}</dl>",
        "partials/nav": "<nav></nav>",
    ])

    @Test func aChangeAffectsEveryTemplateThatUsesItThroughOthers() {
        #expect(graph.affected(by: ["partials/facts"]) == ["partials/facts", "body"])
        #expect(graph.affected(by: ["partials/nav"]) == ["partials/nav", "layout", "body", "unit"])
        #expect(graph.affected(by: ["unit"]) == ["unit"])
    }
}
