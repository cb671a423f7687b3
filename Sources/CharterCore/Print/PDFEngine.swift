import Foundation

/// An external program that turns print HTML into tagged, accessible PDF: WeasyPrint (default) or headless Chromium.
///
/// WeasyPrint writes PDF/UA-1 (`--pdf-variant pdf/ua-1`): a structure tree, the language, the title shown as the
/// window's title, and the page furniture (running header, page numbers) marked as artifacts. Only WeasyPrint 63 and
/// later mark the furniture, so `find` prefers the newest WeasyPrint it can see (see ``find(_:path:environment:)``).
public struct PDFEngine: Sendable {
    /// The engines Charter knows.
    public enum Kind: String, Sendable, CaseIterable {
        case weasyprint, chromium

        /// The Debian package that provides the engine.
        public var package: String { self == .weasyprint ? "weasyprint" : "chromium" }
        var commands: [String] { self == .weasyprint ? ["weasyprint"] : ["chromium", "chromium-browser", "google-chrome"] }
    }

    /// A failure to convert one file, with the engine's own message.
    package struct Failure: Error, CustomStringConvertible {
        package var file: String
        package var message: String
        package var description: String { "\(file): error: PDF engine failed: \(message)" }
    }

    public var kind: Kind
    /// The executable found on PATH.
    public var executable: String

    package init(kind: Kind, executable: String) {
        self.kind = kind
        self.executable = executable
    }

    /// The environment variable that names the WeasyPrint to use (`make` sets it to the one it installs from PyPI).
    static let weasyPrintVariable = "CHARTER_WEASYPRINT"

    /// Finds `kind`; nil when it is not installed.
    ///
    /// WeasyPrint is `$CHARTER_WEASYPRINT` when that names a program, else the newest `weasyprint` on PATH (by
    /// `--version`: a PyPI install before Debian's older package, whatever the order of PATH). Chromium is the first on PATH.
    public static func find(_ kind: Kind, path: String? = ProcessInfo.processInfo.environment["PATH"],
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFEngine? {
        if kind == .weasyprint, let chosen = environment[weasyPrintVariable], !chosen.isEmpty,
           FileManager.default.isExecutableFile(atPath: chosen) {
            return PDFEngine(kind: kind, executable: chosen)
        }
        let folders = (path ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        var found: [String] = []
        for command in kind.commands {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + command) {
                let executable = folder + "/" + command
                let real = URL(fileURLWithPath: executable).resolvingSymlinksInPath().path
                if !found.contains(where: { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path == real }) { found.append(executable) }
            }
        }
        guard kind == .weasyprint, found.count > 1 else { return found.first.map { PDFEngine(kind: kind, executable: $0) } }
        let newest = found.enumerated().max { a, b in
            let (x, y) = (version(of: a.element), version(of: b.element))
            return x == y ? a.offset > b.offset : x.lexicographicallyPrecedes(y)
        }
        return newest.map { PDFEngine(kind: kind, executable: $0.element) }
    }

    /// The numbers of `executable --version` ("WeasyPrint version 66.0" → [66, 0]); empty when it does not answer.
    package static func version(of executable: String) -> [Int] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--version"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return [] }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let word = text.split(separator: " ").last(where: { $0.first?.isNumber == true }) else { return [] }
        return word.split(separator: ".").map { Int($0.prefix { $0.isNumber }) ?? 0 }
    }

    /// Converts the HTML file at `html` into `pdf`. Links to other files resolve relative to the HTML file.
    func convert(html: String, to pdf: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        switch kind {
        case .weasyprint:
            process.arguments = ["--quiet", "--pdf-variant", "pdf/ua-1", html, pdf]
        case .chromium:
            process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                 "--generate-pdf-document-outline", "--print-to-pdf=\(pdf)", URL(fileURLWithPath: html).absoluteString]
        }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(file: html, message: "cannot start \(executable): \(error.localizedDescription)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf) else {
            let lines = message.split(separator: "\n").suffix(3).joined(separator: " ")
            throw Failure(file: html, message: "\(kind.rawValue) exited with \(process.terminationStatus): \(lines)")
        }
    }

    /// Converts every `print/*.html` file of `folder` to PDF beside it, two at a time; returns the failures.
    func convertAll(_ htmlPaths: [String], in folder: String) -> [Failure] {
        htmlPaths.concurrentMap { relative -> Failure? in
            let html = folder + "/" + relative
            do {
                try convert(html: html, to: String(html.dropLast(5)) + ".pdf")
                return nil
            } catch let failure as Failure {
                return failure
            } catch {
                return Failure(file: html, message: "\(error)")
            }
        }.compactMap { $0 }
    }
}
