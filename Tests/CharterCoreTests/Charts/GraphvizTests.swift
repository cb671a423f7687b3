import Dispatch
import Foundation
import Testing
@testable import CharterCore

/// Graphviz in process: SVG out, errors as values, and safe to call from many threads at once.
struct GraphvizTests {
    let simple = "digraph g { a [label=\"Æblet\", href=\"a.html\"]; a -> b; }"

    @Test func graphvizDrawsDOTAsSVGInProcess() throws {
        let svg = try Graphviz().svg(fromDOT: simple).get()
        #expect(svg.contains("<svg"))
        #expect(svg.contains(">Æblet</text>"))
        #expect(svg.contains("xlink:href=\"a.html\""))
    }

    @Test func aSyntaxErrorIsReturnedWithGraphvizsMessageAndTheNextGraphStillDraws() throws {
        let graphviz = Graphviz()
        let broken = graphviz.svg(fromDOT: "digraph g { a -> ; }")
        guard case .failure(let error) = broken else {
            Issue.record("expected a failure, got \(broken)")
            return
        }
        #expect(error.message.contains("syntax error"), "\(error.message)")
        let badLabel = graphviz.svg(fromDOT: "digraph g { a [label=<<TABLE><TR><TD>x</TD></TABLE>>]; }")
        #expect((try? badLabel.get()) == nil, "a malformed HTML-like label is an error, not a silently different label")
        #expect(try graphviz.svg(fromDOT: simple).get().contains(">Æblet</text>"))
    }

    @Test func layoutsFromManyThreadsAndInstancesAreSerialisedAndAgree() throws {
        let instances = [Graphviz(), Graphviz()]
        let dots = (0..<16).map { "digraph g\($0 % 4) { n\($0 % 4) -> m; m -> o; }" }
        let results = dots.indices.map { _ in Locked<String?>(nil) }
        DispatchQueue.concurrentPerform(iterations: dots.count) { index in
            let svg = try? instances[index % 2].svg(fromDOT: dots[index]).get()
            results[index].set(svg)
        }
        let svgs = results.map { $0.get() }
        #expect(svgs.allSatisfy { $0 != nil })
        for index in dots.indices {
            #expect(svgs[index] == svgs[index % 4], "the same DOT gives the same SVG, whichever thread drew it")
        }
    }
}

/// A value behind a lock, for collecting results from concurrent work in a test.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}
