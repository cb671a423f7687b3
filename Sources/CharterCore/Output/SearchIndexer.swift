import Foundation

/// Pagefind, which writes the site's full-text search index (`pagefind/`) from the finished HTML: Danish stemming from the
/// pages' `lang`, excerpts with the matching words, loaded by the search page in the browser. Found as `pagefind` (or
/// `pagefind_extended`) on PATH, or as the Python package run by `python3 -m pagefind` (`pip install 'pagefind[extended]'`).
///
/// ```swift
/// if let pagefind = SearchIndexer.find() { try pagefind.index(site: "site", keepIndexURL: true) }
/// ```
public struct SearchIndexer: Sendable {
    /// A failed indexing run, with the end of Pagefind's own message.
    package struct Failure: Error, CustomStringConvertible {
        package var message: String
        package var description: String { "error: search index failed: \(message)" }
    }

    /// The program and the arguments that come before Pagefind's own.
    package var command: [String]

    package init(command: [String]) {
        self.command = command
    }

    /// Finds Pagefind on PATH or as a Python package; nil when it is not installed.
    public static func find(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> SearchIndexer? {
        let folders = (path ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        func executable(_ name: String) -> String? {
            folders.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        for name in ["pagefind", "pagefind_extended"] {
            if let found = executable(name) { return SearchIndexer(command: [found]) }
        }
        guard let python = executable("python3") else { return nil }
        let candidate = SearchIndexer(command: [python, "-m", "pagefind"])
        return (try? candidate.run(["--version"])) != nil ? candidate : nil
    }

    /// Indexes the site in `folder` into `folder/pagefind/`. `keepIndexURL` keeps `index.html` at the end of result links
    /// (for sites opened from disk or served without clean URLs).
    package func index(site folder: String, keepIndexURL: Bool) throws {
        var arguments = ["--site", folder, "--output-subdir", Routes.searchIndexFolder, "--quiet"]
        if keepIndexURL { arguments.append("--keep-index-url") }
        try run(arguments)
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            throw Failure(message: "cannot start \(command[0]): \(error.localizedDescription)")
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let lines = text.split(separator: "\n").suffix(3).joined(separator: " ")
            throw Failure(message: "pagefind exited with \(process.terminationStatus): \(lines)")
        }
        return text
    }
}
