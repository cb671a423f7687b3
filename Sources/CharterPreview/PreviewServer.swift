import CharterCore
import CLinux
import FlyingFox
import FlyingSocks
import Foundation

/// The preview: builds the site, serves the output folder over HTTP on loopback, watches the content and templates with
/// inotify, rebuilds what a save changed, and makes open pages reload themselves. A build that fails leaves the last good
/// site served, with its diagnostics over every page until the error is fixed.
///
/// ```swift
/// let preview = PreviewServer(options: .init(port: 0)) { event in print(event) }
/// let url = try await preview.start()   // http://127.0.0.1:<port>/, after the first build
/// …
/// await preview.stop()
/// ```
public actor PreviewServer {
    /// Where to read, write and listen.
    public struct Options: Sendable {
        public var content: String
        public var templates: String
        public var output: String
        /// The address to listen on; loopback unless told otherwise.
        public var host: String
        /// The port; 0 picks a free one.
        public var port: UInt16
        /// How long the watcher waits for a burst of saves to end before building. Short: the watcher sees a file when it
        /// is closed after writing or moved into place, so it is whole; saves that come during a build are merged into the
        /// next one.
        public var quiet: Double
        /// The date the pages show as their build date (read at every build).
        public var today: @Sendable () -> Day
        /// Lays the charts out (Graphviz in process unless set, for example to a `GraphvizPool`).
        public var chartEngine: (any ChartLayoutEngine)?

        public init(content: String = "content", templates: String = "templates", output: String = "site",
                    host: String = "127.0.0.1", port: UInt16 = 8000, quiet: Double = 0.005,
                    today: @escaping @Sendable () -> Day = { .today }) {
            self.content = content
            self.templates = templates
            self.output = output
            self.host = host
            self.port = port
            self.quiet = quiet
            self.today = today
        }
    }

    /// What happened, for the terminal.
    public enum Event: Sendable {
        /// A build ended; `changes` are the paths whose change started it (empty for the first build).
        case built(RebuildOutcome, changes: [String])
    }

    /// Why the preview could not start.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    public let options: Options
    private let report: @Sendable (Event) -> Void
    private let state = PreviewState()
    private let hub = ReloadHub()
    private let changes = ChangeQueue()
    private var rebuilder: Rebuilder
    private var server: HTTPServer?
    private var serverTask: Task<Void, Never>?
    private var loop: Task<Void, Never>?
    private var keepAlive: Task<Void, Never>?
    private var watcher: InotifyWatcher?
    /// Builds run here, one at a time: a build is synchronous and spreads its work over both cores.
    private let buildQueue = DispatchQueue(label: "charter.preview.build", qos: .userInitiated)

    public init(options: Options, report: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.options = options
        self.report = report
        rebuilder = Rebuilder(content: options.content, templates: options.templates, output: options.output,
                              charts: options.chartEngine.map { ChartRenderer(engine: $0) } ?? ChartRenderer())
    }

    /// Listens, starts watching, builds the site once and returns its address; the preview then runs until `stop()`.
    public func start() async throws -> URL {
        let url = try await listen()
        do {
            let watcher = try InotifyWatcher(folders: [options.content, options.templates], ignoring: [options.output], quiet: options.quiet)
            let changes = self.changes
            watcher.start { changes.add($0) }
            self.watcher = watcher
        } catch {
            await stop()
            throw StartError(description: "cannot watch the content and templates: \(error)")
        }
        await rebuild(after: [])
        loop = Task { [changes] in
            for await paths in changes.batches {
                await self.rebuild(after: paths)
            }
        }
        keepAlive = Task { [hub] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                hub.keepAlive()
            }
        }
        return url
    }

    /// Stops watching, ends the event streams and the server (open requests get a moment to finish).
    public func stop() async {
        watcher?.stop()
        watcher = nil
        changes.finish()
        loop?.cancel()
        keepAlive?.cancel()
        hub.close()
        await server?.stop(timeout: 1)
        serverTask?.cancel()
        server = nil
    }

    /// The current generation of the site, as announced to pages.
    public var generation: String { state.generation }

    private func listen() async throws -> URL {
        let address: any SocketAddress
        do {
            address = options.host.contains(":") ? try sockaddr_in6.inet6(ip6: options.host, port: options.port)
                : try sockaddr_in.inet(ip4: options.host == "localhost" ? "127.0.0.1" : options.host, port: options.port)
        } catch {
            throw StartError(description: "'\(options.host)' is not an IP address to listen on (use 127.0.0.1, ::1 or 0.0.0.0)")
        }
        let handler = SiteHandler(root: URL(fileURLWithPath: options.output).standardizedFileURL.path, state: state, hub: hub)
        let server = HTTPServer(config: .init(address: address, timeout: 30, logger: .disabled), handler: handler)
        let failure = Locked<(any Error)?>(nil)  // the error with which the server stopped, set by its task
        let task = Task {
            do { try await server.run() } catch { failure.value = error }
        }
        // Wait until the server listens or fails to (a port in use); this happens within milliseconds.
        let deadline = ContinuousClock.now + .seconds(10)
        while await !server.isListening {
            if let error = failure.value {
                throw StartError(description: Self.explain(error, host: options.host, port: options.port))
            }
            guard ContinuousClock.now < deadline else {
                task.cancel()
                throw StartError(description: "cannot listen on \(options.host):\(options.port): no answer from the socket")
            }
            try? await Task.sleep(for: .milliseconds(2))
        }
        self.server = server
        serverTask = task
        let port: UInt16
        switch await server.listeningAddress {
        case .ip4(_, let bound)?, .ip6(_, let bound)?: port = bound
        default: port = options.port
        }
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        return URL(string: "http://\(host):\(port)/")!
    }

    /// Builds, then gives the memory the previous build held back to the system: without that, the process would stay
    /// at the size of its largest moment (two whole sites in memory while the new one replaces the old).
    private func rebuild(after paths: Set<String>) async {
        await build(after: paths)  // its own function: the previous build's files are released when it returns
        await withCheckedContinuation { continuation in
            buildQueue.async {
                charter_release_free_memory()
                continuation.resume()
            }
        }
    }

    /// Builds on the build queue (the build is synchronous and uses both cores), then tells pages and the terminal.
    private func build(after paths: Set<String>) async {
        let current = rebuilder
        let today = options.today()
        let (updated, outcome) = await withCheckedContinuation { continuation in
            buildQueue.async {
                var rebuilder = current
                let outcome = rebuilder.rebuild(today: today)
                continuation.resume(returning: (rebuilder, outcome))
            }
        }
        self.rebuilder = updated
        if let generation = state.record(outcome) {
            hub.announce(generation)
        }
        report(.built(outcome, changes: display(paths)))
    }

    /// The changed paths as the user named the folders, leaving out editors' temporary files that are gone again.
    private func display(_ paths: Set<String>) -> [String] {
        let folders = [options.content, options.templates].map { (URL(fileURLWithPath: $0).standardizedFileURL.path, $0) }
        return paths.filter { path in
            FileManager.default.fileExists(atPath: path) || [".md", ".yml", ".mustache"].contains { path.hasSuffix($0) }
        }.map { path in
            guard let (absolute, given) = folders.first(where: { path == $0.0 || path.hasPrefix($0.0 + "/") }) else { return path }
            return given + path.dropFirst(absolute.count)
        }.sorted()
    }

    static func explain(_ error: any Error, host: String, port: UInt16) -> String {
        if case SocketError.failed(_, let code, let message) = error {
            if code == EADDRINUSE {
                return "cannot listen on \(host):\(port): the port is in use (is another preview running?); "
                    + "choose another with --port, or --port 0 for a free one"
            }
            if code == EADDRNOTAVAIL { return "cannot listen on \(host):\(port): this machine has no such address" }
            if code == EACCES { return "cannot listen on \(host):\(port): permission denied (ports below 1024 need root)" }
            return "cannot listen on \(host):\(port): \(message)"
        }
        return "cannot listen on \(host):\(port): \(error)"
    }
}
