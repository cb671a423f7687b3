import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Graphviz on every core: in this process, and in helper processes while this process's Graphviz is busy.
///
/// Graphviz is not thread-safe, so in one process charts are laid out one at a time (`Graphviz` holds a process-wide
/// lock). A first build of a large site lays out thousands of charts; with the pool, a page whose chart needs laying
/// out while another chart holds the lock sends its DOT to a helper process instead, which runs the same `Graphviz`
/// code (`GraphvizPool.serveRequests`) and answers with the same SVG. Helpers are started when first needed, at most
/// `workers` of them, and end when this process closes their input (or exits). A helper that fails is dropped and the
/// chart is laid out here.
///
/// ```swift
/// let engine = GraphvizPool(workerCommand: ["/usr/bin/charter", "chart-worker"])
/// let charts = ChartRenderer(engine: engine)
/// ```
///
/// The process that writes to a helper must ignore `SIGPIPE`, so that a helper that died is an error, not the end.
package final class GraphvizPool: ChartLayoutEngine, @unchecked Sendable {  // safe: mutable state guarded by `lock`
    private let local = Graphviz()
    private let command: [String]
    private let workers: Int
    private let lock = NSLock()
    // Guarded by `lock`.
    private var idle: [Helper] = []
    private var started = 0

    /// A pool whose helpers run `workerCommand` (a program that calls `serveRequests()`), at most `workers` at once.
    package init(workerCommand: [String], workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)) {
        self.command = workerCommand
        self.workers = workers
    }

    package var identity: String { local.identity }

    /// How many helper processes were started.
    var helpersStarted: Int { lock.withLock { started } }

    package func svg(fromDOT dot: String) -> Result<String, ChartLayoutError> {
        if let result = local.svgIfIdle(fromDOT: dot) { return result }
        if let helper = checkOut() {
            if let result = helper.svg(fromDOT: dot) {
                lock.withLock { idle.append(helper) }
                return result
            }
            helper.stop()  // failed: dropped, and its slot stays taken so a broken command is not started again
        }
        return local.svg(fromDOT: dot)
    }

    /// An idle helper, a new one while fewer than `workers` were started, or nil.
    private func checkOut() -> Helper? {
        enum Choice { case idle(Helper), start, none }
        let choice = lock.withLock { () -> Choice in
            if let helper = idle.popLast() { return .idle(helper) }
            guard started < workers else { return .none }
            started += 1
            return .start
        }
        switch choice {
        case .idle(let helper): return helper
        case .start: return Helper(command: command)
        case .none: return nil
        }
    }

    deinit {
        for helper in idle { helper.stop() }
    }

    /// The helper's side: reads requests from standard input and answers each on standard output until the input ends.
    ///
    /// A request is a DOT text as a 4-byte big-endian length and its UTF-8 bytes; an answer is one byte (0 for SVG,
    /// 1 for an error message), a 4-byte big-endian length and the UTF-8 bytes.
    package static func serveRequests(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        let graphviz = Graphviz()
        while let request = readMessage(from: input) {
            let answer: (UInt8, String)
            switch graphviz.svg(fromDOT: String(decoding: request, as: UTF8.self)) {
            case .success(let svg): answer = (0, svg)
            case .failure(let error): answer = (1, error.message)
            }
            guard writeMessage(Array(answer.1.utf8), status: answer.0, to: output) else { return }
        }
    }

    /// One helper process and its two pipes.
    private final class Helper: @unchecked Sendable {  // safe: one caller at a time, taken from `idle` under the lock
        private let process = Process()
        private let requests = Pipe()
        private let answers = Pipe()
        private var running = false

        init?(command: [String]) {
            guard let program = command.first else { return nil }
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(command.dropFirst())
            process.standardInput = requests
            process.standardOutput = answers
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { return nil }
            running = true
        }

        /// The helper's answer, or nil when it could not be asked or did not answer.
        func svg(fromDOT dot: String) -> Result<String, ChartLayoutError>? {
            guard running, GraphvizPool.writeMessage(Array(dot.utf8), status: nil, to: requests.fileHandleForWriting.fileDescriptor),
                  let (status, bytes) = GraphvizPool.readAnswer(from: answers.fileHandleForReading.fileDescriptor) else { return nil }
            let text = String(decoding: bytes, as: UTF8.self)
            return status == 0 ? .success(text) : .failure(ChartLayoutError(text))
        }

        /// Closes the helper's input, which ends it.
        func stop() {
            guard running else { return }
            running = false
            try? requests.fileHandleForWriting.close()
        }

        deinit { stop() }
    }

    // MARK: Messages

    /// Writes a message: an optional status byte, the length and the bytes. False when the pipe is closed.
    static func writeMessage(_ bytes: [UInt8], status: UInt8?, to descriptor: Int32) -> Bool {
        var message: [UInt8] = []
        message.reserveCapacity(bytes.count + 5)
        if let status { message.append(status) }
        let length = UInt32(bytes.count)
        message += [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
        message += bytes
        return SystemCalls.writeAll(message, to: descriptor) == nil
    }

    static func readLength(from descriptor: Int32) -> Int? {
        guard let bytes = SystemCalls.readExactly(4, from: descriptor) else { return nil }
        return Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
    }

    static func readMessage(from descriptor: Int32) -> [UInt8]? {
        guard let length = readLength(from: descriptor) else { return nil }
        return SystemCalls.readExactly(length, from: descriptor)
    }

    static func readAnswer(from descriptor: Int32) -> (UInt8, [UInt8])? {
        guard let status = SystemCalls.readExactly(1, from: descriptor)?.first, status <= 1, let bytes = readMessage(from: descriptor) else { return nil }
        return (status, bytes)
    }
}
