import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a request's path leads inside the output folder: a file, a folder that needs its trailing slash, nothing, or a
/// refusal. Only regular files whose real path lies inside the folder are ever served.
enum SitePath: Equatable {
    /// The real path of a regular file inside the folder.
    case file(String)
    /// A folder asked for without its trailing slash: where to send the browser, so that relative links work.
    case redirect(String)
    case notFound
    /// A path that tries to leave the folder or cannot be a file name: `..` (also encoded), NUL, a backslash, a form
    /// other than an absolute path, or a symbolic link out of the folder.
    case refused

    /// Resolves `target`, the request's path as sent (still percent-encoded, without the query), against `root`.
    static func resolve(_ target: String, in root: String) -> SitePath {
        guard target.hasPrefix("/"), let decoded = target.removingPercentEncoding,
              !decoded.contains("\0"), !decoded.contains("\\") else { return .refused }
        let segments = decoded.split(separator: "/").filter { $0 != "." }
        guard !segments.contains("..") else { return .refused }
        guard let realRoot = realPath(root) else { return .notFound }

        let candidate = ([realRoot] + segments.map(String.init)).joined(separator: "/")
        guard let real = realPath(candidate) else {
            // A symbolic link whose target is missing or unreadable is refused like one that leaves the folder.
            return isSymbolicLink(candidate) ? .refused : .notFound
        }
        guard contains(real, in: realRoot) else { return .refused }
        guard isDirectory(real) else { return isRegularFile(real) ? .file(real) : .notFound }
        guard decoded.hasSuffix("/") else { return .redirect(location(of: segments)) }
        guard let index = realPath(real + "/index.html") else { return .notFound }
        guard contains(index, in: realRoot) else { return .refused }
        return isRegularFile(index) ? .file(index) : .notFound
    }

    static func contains(_ path: String, in root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// The canonical, percent-encoded path of a folder with its trailing slash.
    static func location(of segments: [Substring]) -> String {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))
        return "/" + segments.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }.joined(separator: "/") + "/"
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }
}
