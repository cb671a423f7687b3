import Foundation

/// Reads the translation of a site's language: the theme's `i18n/<language>.yaml`, then the site's own
/// `content/i18n/<language>.yaml` over it, key by key. A language tag with a region (`en-GB`) falls back to its
/// language (`en`) where it has no file of its own.
///
/// Problems are located: a file that is not a mapping, a value that is neither a text, a list nor `one`/`other`, a
/// language with no file at all (at `language:` in `site.yml`), and the keys the engine needs that the language lacks (at
/// the language's file). What the templates and the site's paths ask of a translation is checked in Render
/// (`TranslationLoader+Checks.swift`).
enum TranslationLoader {
    /// The folder, inside both the templates and the content folder, that holds translation files.
    static let folder = "i18n"

    /// The translation of `language`, from the theme in `templates` and the site in `content`; a language with no file
    /// is reported at `languageLocation` (where `site.yml` sets it), else at the start of the content's `site.yml`.
    static func load(language: String, languageLocation: SourceLocation?, templates: String, content: String,
                     into diagnostics: inout Diagnostics) -> Translation {
        var translation = Translation(language: language)
        let candidates = candidates(for: language)
        var files: [String] = []
        for root in [templates, content] {
            // The most general file first, so that `en-GB.yaml` overrides `en.yaml`.
            for name in candidates.reversed() {
                let path = join(root, folder, name + ".yaml")
                guard FileManager.default.fileExists(atPath: path) else { continue }
                files.append(path)
                read(path, into: &translation, &diagnostics)
            }
        }
        let location = languageLocation ?? SourceLocation(path: join(content, "site.yml"), line: 1, column: 1)
        guard !files.isEmpty else {
            let shipped = shippedLanguages(in: templates)
            diagnostics.error("no translation for language '\(language)': add \(folder)/\(language).yaml to the templates or the content folder"
                              + (shipped.isEmpty ? "" : " (the theme has \(shipped.joined(separator: ", ")))"), at: location)
            return translation
        }
        let missing = Phrase.allCases.map(\.rawValue).filter { !translation.has($0) }
        if !missing.isEmpty {
            diagnostics.error("the translation for '\(language)' lacks \(missing.count == 1 ? "a key" : "\(missing.count) keys") that Charter uses: "
                              + missing.joined(separator: ", "), at: SourceLocation(path: files[0], line: 1, column: 1))
        }
        if case .list(let months)? = translation.entries[Phrase.months.rawValue], months.count != 12 {
            diagnostics.error("'months' must list twelve month names, not \(months.count)", at: SourceLocation(path: files[0], line: 1, column: 1))
        }
        return translation
    }

    /// `en-GB` → [`en-GB`, `en`].
    static func candidates(for language: String) -> [String] {
        let base = language.split(separator: "-").first.map(String.init) ?? language
        return base == language ? [language] : [language, base]
    }

    static func shippedLanguages(in templates: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: join(templates, folder))) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Reads one file's keys into `translation`.
    static func read(_ path: String, into translation: inout Translation, _ diagnostics: inout Diagnostics) {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error("cannot read the translation file", at: SourceLocation(path: path))
            return
        }
        let file: SourceFile
        switch SourceFile.decode([UInt8](data), path: path, relativePath: path) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return
        case .success(let decoded): file = decoded
        }
        guard let node = YAMLReader.parse(file.text, path: path, into: &diagnostics) else { return }
        guard case .mapping(let mapping) = node else {
            if case .scalar(let scalar) = node, scalar.string.isEmpty { return }
            diagnostics.error("a translation file must be a mapping of 'key: text' lines", at: SourceLocation(path: path, line: 1, column: 1))
            return
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            let location = YAMLReader.location(of: value, path: path, lineOffset: 0)
            switch value {
            case .scalar(let scalar):
                translation.set(name, .text(scalar.string))
            case .sequence(let sequence):
                let items = sequence.compactMap(\.string)
                guard items.count == sequence.count else {
                    diagnostics.error("'\(name)' must be a list of texts", at: location)
                    continue
                }
                translation.set(name, .list(items))
            case .mapping(let forms):
                guard let one = forms["one"]?.string, let other = forms["other"]?.string, forms.count == 2 else {
                    diagnostics.error("'\(name)' must be a text, a list, or a mapping with exactly 'one' and 'other'", at: location)
                    continue
                }
                translation.set(name, .plural(one: one, other: other))
            }
        }
    }

    static func join(_ parts: String...) -> String {
        parts.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }.joined(separator: "/")
    }
}
