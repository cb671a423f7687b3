import Foundation

/// The raw input of a build: every Markdown file of the content folder and its `site.yml`, decoded.
public struct ContentTree: Sendable {
    /// The Markdown files, sorted by relative path.
    public var files: [SourceFile]
    /// `site.yml`, if there is one.
    public var config: SourceFile?

    public init(files: [SourceFile], config: SourceFile? = nil) {
        self.files = files
        self.config = config
    }

    /// Reads every `.md` file under `folder` (recursively, following no symbolic links out of it) and `site.yml`.
    ///
    /// Files that cannot be read or decoded are reported; the rest are still returned so one run finds every problem.
    public static func load(from folder: String, into diagnostics: inout Diagnostics) -> ContentTree {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.error("content folder not found", at: SourceLocation(path: folder))
            return ContentTree(files: [])
        }
        var relativePaths: [String] = []
        collect(root, relative: "", into: &relativePaths, visited: [], displayRoot: folder, &diagnostics)
        relativePaths.sort()

        let display = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let decoded = relativePaths.concurrentMap { relative -> Result<SourceFile, Diagnostic> in
            let path = display + "/" + relative
            guard let data = FileManager.default.contents(atPath: root.path + "/" + relative) else {
                return .failure(.error("cannot read file (removed or no permission)", at: SourceLocation(path: path)))
            }
            return SourceFile.decode([UInt8](data), path: path, relativePath: relative)
        }
        var tree = ContentTree(files: [])
        for result in decoded {
            switch result {
            case .success(let file) where file.relativePath == "site.yml": tree.config = file
            case .success(let file): tree.files.append(file)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return tree
    }

    private static func collect(_ folder: URL, relative: String, into paths: inout [String], visited: Set<String>,
                                displayRoot: String, _ diagnostics: inout Diagnostics) {
        let real = folder.resolvingSymlinksInPath().path
        guard !visited.contains(real) else {
            diagnostics.warning("symbolic link loop: folder skipped", at: SourceLocation(path: displayRoot + "/" + relative))
            return
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in entries.sorted() where !name.hasPrefix(".") {
            let child = folder.appendingPathComponent(name)
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child.path, isDirectory: &isDirectory) else {
                diagnostics.warning("broken symbolic link: skipped", at: SourceLocation(path: displayRoot + "/" + childRelative))
                continue
            }
            if isDirectory.boolValue {
                collect(child, relative: childRelative, into: &paths, visited: visited.union([real]), displayRoot: displayRoot, &diagnostics)
            } else if name.hasSuffix(".md") || childRelative == "site.yml" {
                paths.append(childRelative)
            }
        }
    }
}
