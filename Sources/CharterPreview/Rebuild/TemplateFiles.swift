import Foundation

/// The bytes of every file in the templates folder, by path relative to it (`body.mustache`, `partials/toc.mustache`,
/// `assets/style.css`), so that a rebuild can tell which templates and assets changed since the last good build.
struct TemplateFiles: Sendable, Equatable {
    var files: [String: Data]

    /// Reads the folder; a folder that cannot be read gives an empty snapshot (the build reports the problem).
    static func read(from folder: String) -> TemplateFiles {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        var files: [String: Data] = [:]
        for relative in (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []) {
            var isDirectory: ObjCBool = false
            let full = root + "/" + relative
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: full) else { continue }
            files[relative] = data
        }
        return TemplateFiles(files: files)
    }

    /// The template names (`body`, `partials/toc`) of the `.mustache` files, with their text.
    var templates: [String: String] {
        var templates: [String: String] = [:]
        for (path, data) in files where path.hasSuffix(".mustache") && !path.hasPrefix("assets/") {
            templates[String(path.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
        }
        return templates
    }

    /// The static files copied to the site, by their path in the site (`assets/style.css`).
    var assets: [String: Data] {
        files.filter { $0.key.hasPrefix("assets/") }
    }
}
