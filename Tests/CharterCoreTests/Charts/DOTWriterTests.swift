import Testing
@testable import CharterCore

/// DOT text: every label escaped for its context, long titles wrapped, classes and links on every box.
struct DOTWriterTests {
    @Test func quotedStringsEscapeQuotesAndBackslashes() {
        #expect(DOT.quoted("Står for \\N og \"x\"") == #""Står for \\N og \"x\"""#)
        #expect(DOT.quoted("to\nlinjer") == "\"to linjer\"")
    }

    @Test func htmlLikeLabelsEscapeMarkupAndKeepDanishLetters() {
        #expect(DOT.html("Rådet for 'X' & <Y> \"Z\"") == "Rådet for &#39;X&#39; &amp; &lt;Y&gt; &quot;Z&quot;")
        #expect(DOT.html("æøå ÆØÅ") == "æøå ÆØÅ")
    }

    @Test func longTitlesWrapAtSpacesAndALongWordKeepsItsOwnLine() {
        #expect(DOT.wrap("Integrationsforum for psykiatri og somatik", width: 26) == ["Integrationsforum for", "psykiatri og somatik"])
        #expect(DOT.wrap("Børne- og ungdomspsykiatrien", width: 12) == ["Børne- og", "ungdomspsykiatrien"])
    }

    @Test func everyBoxHasAClassALinkAndATooltipAndTheCurrentEntityALinkPerRow() {
        let node = Chart.Node(id: "a", type: .body, caption: "Organ · Forum", title: "A \"1\"", status: "draft", statusLabel: "Udkast", href: "../a/index.html",
                              tooltip: "Om <A>")
        var current = Chart.Node(id: "b", type: .unit, caption: "Enhed", title: "B", href: "../b/index.html", isCurrent: true)
        current.rows = [Chart.Row(label: "Leder", title: "Chef & co", href: "../c/index.html", tooltip: nil)]
        let chart = Chart(scope: .local, key: "b", title: "T", summary: "S", nodes: [node, current],
                          edges: [Chart.Edge(from: "a", to: "b", kind: .secretariat)], outline: [])
        let graph = DOTWriter.write(chart)
        #expect(graph.text.hasPrefix("digraph \"b\" {\n"))
        #expect(graph.text.contains(#""a" [id="n0", class="body draft", style="rounded,filled,dashed", href="../a/index.html", tooltip="Om <A>", label=<"#))
        #expect(graph.text.contains("<B>A &quot;1&quot;</B>"))
        #expect(graph.text.contains(#"HREF="../c/index.html" TOOLTIP="Chef &amp; co" ID="n1r0">Chef &amp; co"#))
        #expect(graph.text.contains(#""a" -> "b" [class="secretariat", style=dashed, constraint=false];"#))
        #expect(graph.links["n0"]?.name == "A \"1\" (Organ, Forum, Udkast)")
        #expect(graph.links["n1"]?.isCurrentPage == true)
        #expect(graph.links["n1r0"]?.name == "Leder: Chef & co")
    }
}
