import Foundation

/// Starts a new site in a folder (`charter init`): writes the example site of `SiteSkeleton` and copies a theme
/// into it, so that `charter build` works in that folder at once.
///
/// It writes only into a new or empty folder, and checks everything it can before writing anything; when writing
/// fails halfway, what it wrote is removed again.
package enum SiteInit {
    /// What a successful init wrote.
    package struct Result: Sendable, Hashable {
        /// The site's folder, as given.
        package var folder: String
        /// The paths written, relative to `folder`, in the order written; the copied theme is one entry, `templates`.
        package var written: [String]
    }

    /// Why an init wrote nothing.
    package enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The folder exists and has something in it.
        case notEmpty(folder: String)
        /// The path exists and is not a folder.
        case notAFolder(path: String)
        /// The theme to copy is not a folder.
        case templatesNotFound(path: String)
        /// The file system refused a write; what was written before it has been removed.
        case cannotWrite(path: String, reason: String)

        /// The message, without a `charter: error:` prefix.
        package var description: String {
            switch self {
            case .notEmpty(let folder): "'\(folder)' is not empty; charter init writes only into a new or empty folder"
            case .notAFolder(let path): "'\(path)' is not a folder; charter init writes only into a new or empty folder"
            case .templatesNotFound(let path): "templates folder '\(path)' not found (use --templates to give the theme to copy)"
            case .cannotWrite(let path, let reason): "cannot write '\(path)': \(reason)"
            }
        }
    }

    /// Writes the example site in `language` into `folder` (created with its parents if missing) and copies the theme
    /// at `templates` to `folder/templates`.
    package static func run(folder: String, language: SiteSkeleton.Language, templates: String) throws(Failure) -> Result {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let folderExists = fileManager.fileExists(atPath: folder, isDirectory: &isDirectory)
        if folderExists {
            guard isDirectory.boolValue else { throw .notAFolder(path: folder) }
            let entries = (try? fileManager.contentsOfDirectory(atPath: folder)) ?? ["?"]
            guard entries.isEmpty else { throw .notEmpty(folder: folder) }
        }
        guard fileManager.fileExists(atPath: templates, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .templatesNotFound(path: templates)
        }

        let root = URL(fileURLWithPath: folder, isDirectory: true)
        var written: [String] = []
        do {
            try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
            for file in SiteSkeleton.files(language: language) {
                let url = root.appendingPathComponent(file.path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
                written.append(file.path)
            }
            try fileManager.copyItem(at: URL(fileURLWithPath: templates, isDirectory: true),
                                     to: root.appendingPathComponent("templates", isDirectory: true))
            written.append("templates")
        } catch {
            // Leave the folder as it was found: gone when it was made here, empty when it was empty.
            if folderExists {
                for entry in (try? fileManager.contentsOfDirectory(atPath: folder)) ?? [] {
                    try? fileManager.removeItem(at: root.appendingPathComponent(entry))
                }
            } else {
                try? fileManager.removeItem(at: root)
            }
            throw .cannotWrite(path: folder, reason: (error as NSError).localizedDescription)
        }
        return Result(folder: folder, written: written)
    }
}
