import CharterTemplates
import Foundation

/// The site's templates: every `.mustache` file of the templates folder, compiled once (by Charter's own Mustache engine,
/// `TemplateLibrary`), plus its static assets.
public struct TemplateSet: Sendable {
    /// The templates a build needs; a missing one is an error.
    static let required = ["layout", "home", "body", "unit", "role", "person", "project", "page", "list", "404", "print", "print-book"]

    /// The compiled templates, by name (file name without `.mustache`; `partials/nav` for a subfolder).
    var library: TemplateLibrary
    /// The names present.
    public var names: Set<String>
    /// Files under `assets/`, as (path relative to the templates folder, bytes).
    public var assets: [(path: String, data: Data)]
    /// Every translation key a template uses (`{{t.key}}`), with the place of its tag.
    var translationKeys: [(key: String, location: SourceLocation)] = []
    /// The templates folder, as given to `load`: where a missing template is reported.
    var folder = "templates"

    /// Where the template `name` is, or would be: `<folder>/<name>.mustache`.
    func location(of name: String) -> SourceLocation {
        SourceLocation(path: folder + "/" + name + ".mustache")
    }

    /// Renders `context` with the template `name`.
    public func render(_ context: Any, with name: String) -> String {
        render(TemplateValue(context), with: name)
    }

    /// Renders `context` with the template `name`.
    package func render(_ context: TemplateValue, with name: String) -> String {
        library.render(context, with: name) ?? ""
    }

    /// Renders `context` with the template `name` into the bytes of a file.
    func renderData(_ context: Any, with name: String) -> Data {
        Data(library.renderBytes(TemplateValue(context), with: name) ?? [])
    }

    /// Loads and compiles the templates in `folder`, reporting syntax errors with line and column, missing required
    /// templates and partials that name no template.
    public static func load(from folder: String, into diagnostics: inout Diagnostics) -> TemplateSet? {
        let display = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.error("templates folder not found", at: SourceLocation(path: display))
            return nil
        }
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
        var library = TemplateLibrary()
        var names = Set<String>()
        var texts: [(name: String, path: String, text: String)] = []
        var assets: [(String, Data)] = []
        for relative in files {
            let full = display + "/" + relative
            if relative.hasPrefix("assets/") {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue,
                   let data = FileManager.default.contents(atPath: full) {
                    assets.append((String(relative), data))
                }
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            let name = String(relative.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: full) else {
                diagnostics.error("cannot read template", at: SourceLocation(path: full))
                continue
            }
            switch SourceFile.decode([UInt8](data), path: full, relativePath: relative) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let file):
                do {
                    try library.register(file.text, named: name)
                    names.insert(name)
                    texts.append((name, full, file.text))
                } catch let error as TemplateSyntaxError {
                    diagnostics.error("template syntax error: \(error.message)",
                                      at: SourceLocation(path: full, line: error.line, column: error.column))
                } catch {
                    diagnostics.error("template syntax error: \(error)", at: SourceLocation(path: full, line: 1, column: 1))
                }
            }
        }
        for name in required where !names.contains(name) {
            diagnostics.error("missing template '\(name).mustache': every site needs it", at: SourceLocation(path: display + "/" + name + ".mustache"))
        }
        for (_, path, text) in texts {
            for (partial, line, column) in partialNames(in: text) where !names.contains(partial) {
                diagnostics.error("template refers to '\(partial)', but there is no '\(partial).mustache'",
                                  at: SourceLocation(path: path, line: line, column: column))
            }
        }
        var keys: [(key: String, location: SourceLocation)] = []
        for (_, path, text) in texts {
            for (key, line, column) in translationKeys(in: text) {
                keys.append((key, SourceLocation(path: path, line: line, column: column)))
            }
        }
        return TemplateSet(library: library, names: names, assets: assets, translationKeys: keys, folder: display)
    }

    /// The names in `{{> name}}` and `{{< name}}` tags, with their positions.
    static func partialNames(in text: String) -> [(String, Int, Int)] {
        var found: [(String, Int, Int)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...]
                guard let kind = after.first, kind == ">" || kind == "<" else { rest = after; continue }
                guard let close = after.range(of: "}}") else { break }
                let name = after[after.index(after: after.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                found.append((name, lineIndex + 1, column))
                rest = after[close.upperBound...]
            }
        }
        return found
    }

    /// The keys of the translation tags (`{{t.key}}`, `{{#t.key}}`, `{{{t.key}}}`, `{{t.key.one}}`) in `text`, with
    /// the position of each tag.
    static func translationKeys(in text: String) -> [(String, Int, Int)] {
        var found: [(String, Int, Int)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                var name = rest[open.upperBound...].drop { "{#^&".contains($0) }.drop { $0 == " " }
                rest = rest[open.upperBound...]
                guard name.hasPrefix("t.") else { continue }
                name = name.dropFirst(2)
                let key = name.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                guard !key.isEmpty else { continue }
                found.append((String(key), lineIndex + 1, line.distance(from: line.startIndex, to: open.lowerBound) + 1))
            }
        }
        return found
    }
}
