import Foundation

/// A folder of golden files: the expected text of a built site's files, by path in the site, kept in the repository.
struct GoldenFiles {
    /// The folder, e.g. `Tests/CharterCoreTests/golden/good`.
    var folder: URL

    /// The kinds of file compared: pages, print pages, the sitemap, the open data and the calendars.
    static let extensions: Set<String> = ["html", "xml", "json", "jsonld", "csv", "ics"]

    /// The files of a site that are compared, as their stable text; `assets/` is a copy of the templates' assets.
    static func compared(_ files: [String: Data]) -> [String: String] {
        var texts: [String: String] = [:]
        for (path, data) in files where !path.hasPrefix("assets/") && extensions.contains((path as NSString).pathExtension) {
            texts[path] = stable(String(decoding: data, as: UTF8.self))
        }
        return texts
    }

    /// `text` with the geometry of every Graphviz-drawn chart (`<svg … class="chart-svg">…</svg>`) masked: the values of
    /// its coordinate and size attributes become `…`, as they differ between Graphviz versions. The charts' elements,
    /// classes, links, labels and text stay.
    static func stable(_ text: String) -> String {
        var result = ""
        var rest = text[...]
        while let open = rest.range(of: "<svg "), let tagEnd = rest[open.upperBound...].firstIndex(of: ">") {
            let startTag = rest[open.lowerBound...tagEnd]
            guard startTag.contains("class=\"chart-svg\""), let close = rest[tagEnd...].range(of: "</svg>") else {
                result += rest[..<rest.index(after: tagEnd)]
                rest = rest[rest.index(after: tagEnd)...]
                continue
            }
            result += rest[..<open.lowerBound]
            result += String(rest[open.lowerBound..<close.upperBound])
                .replacingOccurrences(of: #"(\s(viewBox|points|d|x|y|width|height|transform|style))="[^"]*""#, with: "$1=\"…\"",
                                      options: .regularExpression)
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// Every golden file, by path relative to the folder.
    func read() throws -> [String: String] {
        var texts: [String: String] = [:]
        for path in FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [] {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            // Decoded as the built files are: a byte order mark (the CSV files') is kept.
            texts[path] = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        }
        return texts
    }

    /// Replaces the folder's files with `texts`, so that a file the site no longer has goes too.
    func write(_ texts: [String: String]) throws {
        try? FileManager.default.removeItem(at: folder)
        for (path, text) in texts {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// What differs between the golden text of `path` and the text built: the first line and column that differ, with
    /// the text around them (lines of a page can be long); nil when they are the same.
    static func difference(path: String, kept: String?, actual: String?) -> String? {
        guard let kept else { return "\(path) is new: it has no golden file" }
        guard let actual else { return "\(path) was not written, but has a golden file" }
        guard kept != actual else { return nil }
        // A CRLF (the CSV files' line end) is one Character.
        func lines(_ text: String) -> [[Character]] {
            text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(Array.init)
        }
        let keptLines = lines(kept), actualLines = lines(actual)
        let shorter = min(keptLines.count, actualLines.count)
        let index = (0..<shorter).first { keptLines[$0] != actualLines[$0] } ?? shorter
        let keptLine = index < keptLines.count ? keptLines[index] : nil
        let actualLine = index < actualLines.count ? actualLines[index] : nil
        let same = zip(keptLine ?? [], actualLine ?? []).prefix { $0 == $1 }.count
        let start = max(0, same - 40)
        func excerpt(_ line: [Character]?) -> String {
            guard let line else { return "(end of file)" }
            let end = min(line.count, start + 120)
            return (start > 0 ? "…" : "") + String(line[min(start, line.count)..<end]) + (end < line.count ? "…" : "")
        }
        return "\(path) differs from its golden file at line \(index + 1), column \(same + 1):\n"
            + "  kept:   \(excerpt(keptLine))\n  actual: \(excerpt(actualLine))"
    }
}
