import ArgumentParser
import CharterCore
import Foundation

/// `charter chart-worker`: a helper process that lays charts out for `charter build` while the build's own Graphviz is
/// busy (see `GraphvizPool`). Not for people: it speaks a small binary protocol on standard input and output.
struct ChartWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart-worker",
        abstract: "Lay charts out for another charter process (internal).",
        shouldDisplay: false
    )

    func run() throws {
        GraphvizPool.serveRequests()
    }

    /// The layout engine of a build: Graphviz here, and in helper processes running this same program.
    static func engine() -> GraphvizPool {
        // A helper that died must be an error on its pipe, not the end of the build.
        signal(SIGPIPE, SIG_IGN)
        let program = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        return GraphvizPool(workerCommand: [program, "chart-worker"])
    }
}
