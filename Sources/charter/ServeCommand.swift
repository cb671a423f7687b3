import ArgumentParser
import CharterCore
import CharterPreview
import Foundation

/// `charter serve`: the site on loopback, rebuilt on every save, with pages that reload themselves.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build it, serve it on 127.0.0.1, rebuild on every save and reload open pages.",
        discussion: """
        Watches the content and templates folders (inotify) and renders again only what a save changed. A build with \
        errors keeps the last good site served and shows the errors over every page until they are fixed. The \
        live-reload script is added only to what the server sends; the files written to the output folder are those \
        of `charter build`. Ctrl-C stops the server.
        """
    )

    @OptionGroup var paths: PathOptions

    @Option(help: "The address to listen on. Anything but loopback makes the preview reachable from other machines.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: UInt16 = 8000

    func run() throws {
        try paths.requireFolders()
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            FileHandleOutput.standardError("charter: warning: listening on \(host): the preview is reachable from other machines")
        }
        var options = PreviewServer.Options(content: paths.content, templates: paths.templates, output: paths.output, host: host, port: port)
        options.chartEngine = ChartWorkerCommand.engine()
        let printer = ServePrinter(quiet: paths.quiet, verbose: paths.verbose)
        let preview = PreviewServer(options: options) { printer.print($0) }
        let status = Blocking.run {
            do {
                let url = try await preview.start()
                ServePrinter.standardOutput("Serving \(url.absoluteString) — watching \(paths.content)/ and \(paths.templates)/ (Ctrl-C to stop)")
            } catch {
                FileHandleOutput.standardError("charter: error: \(error)")
                return Int32(2)
            }
            await Interrupt.wait()
            await preview.stop()
            ServePrinter.standardOutput("Stopped.")
            return Int32(0)
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// Prints each preview build: its diagnostics on standard error, a line saying what was rebuilt on standard output.
struct ServePrinter: Sendable {
    var quiet: Bool
    var verbose: Bool

    func print(_ event: PreviewServer.Event) {
        guard case .built(let outcome, let changes) = event else { return }
        for diagnostic in outcome.diagnostics { FileHandleOutput.standardError(diagnostic.description) }
        let what = changes.isEmpty ? "" : " after changes to " + changes.prefix(3).joined(separator: ", ") + (changes.count > 3 ? ", …" : "")
        if !outcome.succeeded {
            FileHandleOutput.standardError("\(outcome.diagnostics.errorCount) error(s)\(what); the last good site is still served")
            return
        }
        if verbose {
            for (stage, seconds) in outcome.timings {
                FileHandleOutput.standardError(String(format: "%-10@ %7.1f ms", stage as NSString, seconds * 1000))
            }
        }
        guard !quiet else { return }
        let time = String(format: "%.0f ms", outcome.seconds * 1000)
        switch outcome.scope {
        case .full(let reason) where changes.isEmpty && reason == "first build":
            Self.standardOutput("Built \(outcome.rendered) files into the output folder in \(time)")
        case .full(let reason):
            Self.standardOutput("Rebuilt all \(outcome.rendered) files in \(time) (\(reason)); \(outcome.written.count + outcome.removed.count) changed\(what)")
        case .partial, .none:
            Self.standardOutput("Rebuilt \(outcome.rendered) file(s) in \(time); \(outcome.written.count + outcome.removed.count) changed\(what)")
        }
    }

    /// Writes a line to standard output at once (no buffering: the terminal and tests read it while the server runs).
    static func standardOutput(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// Waits for Ctrl-C (SIGINT) or SIGTERM; a second one ends the process at once.
enum Interrupt {
    static func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = Once()
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    if once.first() { continuation.resume() } else { exit(130) }
                }
                source.resume()
                once.keep(source)
            }
        }
    }

    /// True the first time only.
    final class Once: @unchecked Sendable {  // safe: both fields guarded by `lock`
        private let lock = NSLock()
        private var done = false
        // Kept for the life of the process: each source's handler holds this object.
        private var sources: [any DispatchSourceSignal] = []

        func first() -> Bool {
            lock.withLock {
                defer { done = true }
                return !done
            }
        }

        func keep(_ source: any DispatchSourceSignal) {
            lock.withLock { sources.append(source) }
        }
    }
}

/// Runs async work from the synchronous command and waits for its result.
enum Blocking {
    static func run(_ work: @escaping @Sendable () async -> Int32) -> Int32 {
        let done = DispatchSemaphore(value: 0)
        let result = Locked<Int32>(0)
        Task {
            result.value = await work()
            done.signal()
        }
        done.wait()
        return result.value
    }
}
