import Foundation

/// `charter serve` as a child process: started on a free port, its address read from what it prints.
final class ServeProcess: @unchecked Sendable {
    /// The `charter` executable: `CHARTER_BINARY` when set (a release build, for measurements), else the one beside the test
    /// bundle in SwiftPM's build folder.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["CHARTER_BINARY"] { return URL(fileURLWithPath: path) }
        let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL
            ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return bundle.deletingLastPathComponent().appendingPathComponent("charter")
    }

    let process = Process()
    private let output = Pipe(), errors = Pipe()
    private let lock = NSCondition()
    private var printed = ""
    private var printedErrors = ""

    init(_ arguments: [String]) throws {
        process.executableURL = Self.executable
        process.arguments = ["serve"] + arguments
        process.standardOutput = output
        process.standardError = errors
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, error: false) }
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, error: true) }
        try process.run()
    }

    private func append(_ data: Data, error: Bool) {
        lock.withLock {
            if error { printedErrors += String(decoding: data, as: UTF8.self) } else { printed += String(decoding: data, as: UTF8.self) }
            lock.broadcast()
        }
    }

    /// Standard output so far.
    var standardOutput: String { lock.withLock { printed } }
    var standardError: String { lock.withLock { printedErrors } }

    /// Waits until standard output contains `text` (at most `timeout` seconds).
    func waitForOutput(_ text: String, timeout: Double = 60) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        return lock.withLock {
            while !printed.contains(text) {
                guard process.isRunning, lock.wait(until: deadline) else { return printed.contains(text) }
            }
            return true
        }
    }

    /// The port from "Serving http://127.0.0.1:PORT/".
    func port(timeout: Double = 60) -> Int? {
        guard waitForOutput("Serving http://", timeout: timeout) else { return nil }
        let line = standardOutput.components(separatedBy: "\n").first { $0.hasPrefix("Serving http://") } ?? ""
        return line.split(separator: ":").dropFirst(2).first.flatMap { Int($0.prefix { $0.isNumber }) }
    }

    /// Sends SIGINT (Ctrl-C) and waits for the exit status.
    func interrupt() -> Int32 {
        process.interrupt()
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
