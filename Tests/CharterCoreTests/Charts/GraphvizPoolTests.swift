import Dispatch
import Foundation
import Testing
@testable import CharterCore

/// Graphviz in helper processes (`charter chart-worker`) while this process's Graphviz is busy: the same drawings, and
/// a helper that fails costs nothing but time.
struct GraphvizPoolTests {
    let dot = "digraph g { a [label=\"Æblet\", href=\"a.html\"]; a -> b; b -> c; }"
    let helper = [CommandLineTests.executable.path, "chart-worker"]

    init() {
        signal(SIGPIPE, SIG_IGN)  // as the charter command sets it: a dead helper is an error on its pipe
    }

    @Test func aChartLaidOutByAHelperWhileGraphvizIsBusyIsTheSameAsInProcess() throws {
        let expected = try Graphviz().svg(fromDOT: dot).get()
        let pool = GraphvizPool(workerCommand: helper, workers: 1)
        let drawn = try Graphviz.holdingTheLock { try pool.svg(fromDOT: dot).get() }
        #expect(drawn == expected)
        #expect(pool.helpersStarted == 1)
        let error = Graphviz.holdingTheLock { pool.svg(fromDOT: "digraph g { a -> ; }") }
        guard case .failure(let failure) = error else {
            Issue.record("expected the helper to report the syntax error, got \(error)")
            return
        }
        #expect(failure.message.contains("syntax error"), "\(failure.message)")
        #expect(pool.helpersStarted == 1, "the helper is reused")
    }

    @Test func chartsFromManyThreadsAreTheSameWhereverTheyAreLaidOut() throws {
        let dots = (0..<24).map { "digraph g\($0) { n\($0) [label=\"Enhed \($0)\"]; n\($0) -> m; m -> o\($0 % 3); }" }
        let expected = try dots.map { try Graphviz().svg(fromDOT: $0).get() }
        let pool = GraphvizPool(workerCommand: helper, workers: 2)
        let results = dots.indices.map { _ in Locked<String?>(nil) }
        DispatchQueue.concurrentPerform(iterations: dots.count) { index in
            results[index].set(try? pool.svg(fromDOT: dots[index]).get())
        }
        #expect(results.map { $0.get() } == expected)
    }

    @Test func aHelperThatCannotAnswerIsDroppedAndTheChartIsLaidOutHere() throws {
        let expected = try Graphviz().svg(fromDOT: dot).get()
        for command in [["/bin/false"], ["/nonexistent/charter", "chart-worker"]] {
            let pool = GraphvizPool(workerCommand: command, workers: 1)
            let released = DispatchSemaphore(value: 0)
            let holding = DispatchSemaphore(value: 0)
            // Another thread holds Graphviz, so the pool tries its helper, which fails; then it waits for Graphviz here.
            DispatchQueue.global().async {
                Graphviz.holdingTheLock {
                    holding.signal()
                    _ = released.wait(timeout: .now() + 0.3)
                }
            }
            holding.wait()
            let drawn = try pool.svg(fromDOT: dot).get()
            released.signal()
            #expect(drawn == expected, "\(command)")
        }
    }

    @Test func theHelperProtocolAnswersEachRequestUntilItsInputEnds() throws {
        var requests: [Int32] = [0, 0], answers: [Int32] = [0, 0]
        #expect(pipe(&requests) == 0 && pipe(&answers) == 0)
        let served = DispatchSemaphore(value: 0)
        let input = requests[0], output = answers[1]
        DispatchQueue.global().async {
            GraphvizPool.serveRequests(input: input, output: output)
            served.signal()
        }
        #expect(GraphvizPool.writeMessage(Array(dot.utf8), status: nil, to: requests[1]))
        let first = GraphvizPool.readAnswer(from: answers[0])
        #expect(first?.0 == 0)
        #expect(first.map { String(decoding: $0.1, as: UTF8.self) } == (try Graphviz().svg(fromDOT: dot).get()))
        #expect(GraphvizPool.writeMessage(Array("digraph {".utf8), status: nil, to: requests[1]))
        #expect(GraphvizPool.readAnswer(from: answers[0])?.0 == 1)
        close(requests[1])
        #expect(served.wait(timeout: .now() + 10) == .success, "the helper ends when its input ends")
        for descriptor in [requests[0], answers[0], answers[1]] { close(descriptor) }
    }
}
