import CharterCore
import Foundation

/// Runs one content file through Charter's pipeline as a build does — decode, front matter and entity, the checked
/// site model, every page rendered through the default templates — and traps when an invariant breaks.
///
/// Invariants: decoding leaves no carriage return; every diagnostic has a message and a location inside the file it
/// names (a line it has, a column on that line, counted in Unicode scalars as `SourceLocation` says); no page holds
/// executable markup (`ExecutableMarkup`), even when the content has errors (a preview renders it anyway). That the
/// pipeline does not crash is libFuzzer's to see.
///
/// ```swift
/// PipelineCheck.shared.run(Array("---\ntype: page\ntitle: x\n---\n[a](javascript:x)".utf8))
/// ```
struct PipelineCheck: Sendable {
    /// One check for the whole run: the templates are read once.
    static let shared = PipelineCheck()

    /// The date every page is rendered on, fixed so that a run is repeatable.
    static let buildDate = Day(year: 2026, month: 3, day: 1)

    let templates: TemplateSet
    let path = "content/" + Neighbourhood.fuzzedRelativePath
    /// With `CHARTER_FUZZ_VERBOSE=1`, each input's diagnostics and pages are printed to standard error (to see what a
    /// saved input does; slow).
    let verbose = ProcessInfo.processInfo.environment["CHARTER_FUZZ_VERBOSE"] == "1"

    /// Reads the templates from `CHARTER_TEMPLATES`, or from the repository's `templates/` beside this package.
    init() {
        let folder = ProcessInfo.processInfo.environment["CHARTER_TEMPLATES"] ?? Self.repositoryTemplates
        var diagnostics = Diagnostics()
        guard let templates = TemplateSet.load(from: folder, into: &diagnostics), !diagnostics.hasErrors else {
            fatalError("cannot load the templates from \(folder): \(diagnostics.map(\.description))")
        }
        self.templates = templates
        var neighbourhood = Diagnostics()
        _ = SiteBuilder.build(ContentTree(files: Neighbourhood.files, config: Neighbourhood.config), into: &neighbourhood)
        guard neighbourhood.isEmpty else { fatalError("the fixed neighbourhood has problems: \(neighbourhood.map(\.description))") }
        ExecutableMarkup.selfTest()
    }

    /// `<repository>/templates`, found from this file's place in `Fuzz/Sources/CharterFuzz/`.
    static var repositoryTemplates: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("templates").path
    }

    func run(_ bytes: [UInt8]) {
        let file: SourceFile
        switch SourceFile.decode(bytes, path: path, relativePath: Neighbourhood.fuzzedRelativePath) {
        case .failure(let diagnostic):
            require(diagnostic.severity == .error, "an undecodable file is an error: \(diagnostic)")
            checkLocation(diagnostic, lineLengths: nil)
            return
        case .success(let decoded):
            file = decoded
        }
        require(!file.text.utf8.contains(0x0D), "a carriage return survived decoding")

        var diagnostics = Diagnostics()
        let site = SiteBuilder.build(Neighbourhood.tree(with: file), into: &diagnostics)
        let pages = Pipeline(charts: ChartRenderer(engine: NoLayout()))
            .render(site, templates: templates, buildDate: Self.buildDate, into: &diagnostics)

        if verbose {
            let list = diagnostics.map { "  \($0)\n" }.joined() + pages.map { "  \($0.path) \($0.data.count) bytes\n" }.joined()
            FileHandle.standardError.write(Data("CharterFuzz: \(bytes.count) bytes, \(site.entities.count) entities\n\(list)".utf8))
        }
        let lineLengths = file.text.split(separator: "\n", omittingEmptySubsequences: false).map(\.unicodeScalars.count)
        for diagnostic in diagnostics {
            checkLocation(diagnostic, lineLengths: diagnostic.location.path == path ? lineLengths : nil)
        }
        for page in pages where page.path.hasSuffix(".html") {
            let problems = ExecutableMarkup.find(in: page.data)
            require(problems.isEmpty, "executable markup in \(page.path): \(problems)")
        }
    }

    /// A diagnostic names a place: a line and column that are not negative and, in the fuzzed file (whose lines are
    /// `lineLengths` Unicode scalars long), a line it has and a column on that line or just after its end.
    private func checkLocation(_ diagnostic: Diagnostic, lineLengths: [Int]?) {
        let location = diagnostic.location
        require(!diagnostic.message.isEmpty, "a diagnostic without a message at \(location)")
        require(location.line >= 0 && location.column >= 0, "a negative location: \(diagnostic)")
        guard let lineLengths, location.line > 0 else { return }
        require(location.line <= lineLengths.count, "line \(location.line) of a file of \(lineLengths.count) lines: \(diagnostic)")
        let length = lineLengths[location.line - 1]
        require(location.column <= length + 1, "column \(location.column) of a line of \(length) characters: \(diagnostic)")
    }

    private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("CharterFuzz invariant broken: \(message())") }
    }
}
