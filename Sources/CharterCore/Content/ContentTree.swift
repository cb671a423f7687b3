import Foundation

/// The raw input of a build: every Markdown file of the content folder and its `site.yml`, decoded.
public struct ContentTree: Sendable {
    /// The Markdown files, sorted by relative path.
    public internal(set) var files: [SourceFile]
    /// `site.yml`, if there is one.
    public internal(set) var config: SourceFile?

    public init(files: [SourceFile], config: SourceFile? = nil) {
        self.files = files
        self.config = config
    }

    /// Reads every `.md` file under `folder` (recursively, following no symbolic links out of it) and `site.yml`.
    ///
    /// Files that cannot be read or decoded are reported; the rest are still returned so one run finds every problem.
    public static func load(from folder: String, into diagnostics: inout Diagnostics) -> ContentTree {
        load(from: folder, sources: nil, into: &diagnostics)
    }

    /// Reads the content as `load(from:into:)` does; with `sources`, a file whose size, inode and modification and
    /// change times are those of its last read is not read again.
    static func load(from folder: String, sources cache: SourceCache?, into diagnostics: inout Diagnostics) -> ContentTree {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.error("content folder not found", at: SourceLocation(path: folder))
            return ContentTree(files: [])
        }
        var found: [(relative: String, stamp: FileStamp)] = []
        collect(root, relative: "", into: &found, visited: [], displayRoot: folder, &diagnostics)
        found.sort { $0.relative < $1.relative }

        let display = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let rootPath = root.path
        let decoded = found.concurrentMap { relative, stamp -> Result<SourceFile, Diagnostic> in
            let path = display + "/" + relative
            let full = rootPath + "/" + relative
            // The stamp is from the walk's own stat, so an unchanged file costs one stat and no read.
            if let file = cache?.source(at: path, stamp: stamp) { return .success(file) }
            guard let bytes = readBytes(full) else {
                return .failure(.error("cannot read file (removed or no permission)", at: SourceLocation(path: path)))
            }
            let result = SourceFile.decode(bytes, path: path, relativePath: relative)
            if case .success(let file) = result { cache?.remember(file, stamp: stamp) }
            return result
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

    /// The bytes of the file at `path`, or nil if it cannot be opened or read.
    static func readBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        // The size is only a hint (the file may change while it is read): chunks are read until the end of the file.
        var chunkSize = fstat(descriptor, &status) == 0 ? Int(status.st_size) + 1 : 64 * 1024
        var bytes: [UInt8] = []
        while true {
            var failed = false
            // Straight into uninitialised memory: zeroing a buffer first cost as much as reading into it.
            let chunk = [UInt8](unsafeUninitializedCapacity: max(chunkSize, 1)) { buffer, initialized in
                initialized = 0
                while true {
                    let count = read(descriptor, buffer.baseAddress, buffer.count)
                    if count < 0 && errno == EINTR { continue }
                    if count < 0 { failed = true } else { initialized = count }
                    return
                }
            }
            if failed { return nil }
            if chunk.isEmpty { return bytes }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            chunkSize = 64 * 1024
        }
    }

    private static func collect(_ folder: URL, relative: String, into paths: inout [(relative: String, stamp: FileStamp)], visited: Set<String>,
                                displayRoot: String, _ diagnostics: inout Diagnostics) {
        let real = folder.resolvingSymlinksInPath().path
        guard !visited.contains(real) else {
            diagnostics.warning("symbolic link loop: folder skipped", at: SourceLocation(path: displayRoot + "/" + relative))
            return
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let folderPath = folder.path
        for name in entries.sorted() where !name.hasPrefix(".") {
            let childPath = folderPath + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard stat(childPath, &info) == 0 else {
                diagnostics.warning("broken symbolic link: skipped", at: SourceLocation(path: displayRoot + "/" + childRelative))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                collect(URL(fileURLWithPath: childPath), relative: childRelative, into: &paths, visited: visited.union([real]),
                        displayRoot: displayRoot, &diagnostics)
            } else if name.hasSuffix(".md") || childRelative == "site.yml" {
                paths.append((childRelative, FileStamp(info)))
            }
        }
    }
}

/// What tells one version of a file from another without reading it: size, inode, and modification and change times to
/// the nanosecond.
struct FileStamp: Hashable, Sendable {
    var size: Int64
    var inode: UInt64
    var modified: Int
    var modifiedNanoseconds: Int
    var changed: Int
    var changedNanoseconds: Int

    /// The stamp of a file as `stat` described it.
    init(_ info: stat) {
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
        modified = info.st_mtim.tv_sec
        modifiedNanoseconds = info.st_mtim.tv_nsec
        changed = info.st_ctim.tv_sec
        changedNanoseconds = info.st_ctim.tv_nsec
    }
}
