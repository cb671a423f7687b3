import Foundation

/// An external program that turns print HTML into PDF: WeasyPrint (default) or headless Chromium, found on PATH.
public struct PDFEngine: Sendable {
    /// The engines Charter knows.
    public enum Kind: String, Sendable, CaseIterable {
        case weasyprint, chromium

        /// The Debian package that provides the engine.
        public var package: String { self == .weasyprint ? "weasyprint" : "chromium" }
        var commands: [String] { self == .weasyprint ? ["weasyprint"] : ["chromium", "chromium-browser", "google-chrome"] }
    }

    /// A failure to convert one file, with the engine's own message.
    public struct Failure: Error, CustomStringConvertible {
        public var file: String
        public var message: String
        public var description: String { "\(file): error: PDF engine failed: \(message)" }
    }

    public var kind: Kind
    /// The executable found on PATH.
    public var executable: String

    /// Finds `kind` on PATH; nil when it is not installed.
    public static func find(_ kind: Kind, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> PDFEngine? {
        let folders = (path ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for command in kind.commands {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + command) {
                return PDFEngine(kind: kind, executable: folder + "/" + command)
            }
        }
        return nil
    }

    /// Converts the HTML file at `html` into `pdf`. Links to other files resolve relative to the HTML file.
    public func convert(html: String, to pdf: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        switch kind {
        case .weasyprint:
            process.arguments = ["--quiet", html, pdf]
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
    public func convertAll(_ htmlPaths: [String], in folder: String) -> [Failure] {
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
