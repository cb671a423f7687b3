import Foundation

/// The file in which a build leaves its chart drawings for the next build (`charter build` keeps one per content
/// folder under `~/.cache/charter`), so that charts whose DOT did not change are not laid out again.
///
/// The format is a header line naming the format and the layout engine (a different Graphviz gives a different
/// drawing), then per drawing a line `<key bytes> <SVG bytes>` followed by the key (the DOT and the texts
/// the drawing was made with) and the SVG. A file that is missing,
/// damaged or from another engine reads as empty: the charts are then simply drawn again.
enum ChartCacheFile {
    static let format = "charter-charts 2"

    /// The drawings in the file at `path`, as (key, SVG), in the order of the file.
    static func read(_ path: String, engine: String) -> [(key: String, svg: String)] {
        guard let bytes = ContentTree.readBytes(path) else { return [] }
        let header = Array("\(format) \(engine)\n".utf8)
        guard bytes.starts(with: header) else { return [] }
        var drawings: [(key: String, svg: String)] = []
        var position = header.count
        while position < bytes.count {
            guard let newline = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) else { return [] }
            let sizes = String(decoding: bytes[position..<newline], as: UTF8.self).split(separator: " ").compactMap { Int($0) }
            guard sizes.count == 2, sizes.allSatisfy({ $0 >= 0 }), newline + 1 + sizes[0] + sizes[1] <= bytes.count else { return [] }
            let dotStart = newline + 1
            let svgStart = dotStart + sizes[0]
            guard let dot = String(validating: bytes[dotStart..<svgStart], as: UTF8.self),
                  let svg = String(validating: bytes[svgStart..<(svgStart + sizes[1])], as: UTF8.self) else { return [] }
            drawings.append((dot, svg))
            position = svgStart + sizes[1]
        }
        return drawings
    }

    /// Writes `drawings` to `path` (through a temporary file beside it, so a reader never sees half a file); false if
    /// it could not be written.
    @discardableResult
    static func write(_ drawings: [(key: String, svg: String)], to path: String, engine: String) -> Bool {
        var bytes = Array("\(format) \(engine)\n".utf8)
        // In byte order of the keys, so the same drawings give the same file.
        for (dot, svg) in drawings.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            bytes += Array("\(dot.utf8.count) \(svg.utf8.count)\n".utf8)
            bytes += Array(dot.utf8)
            bytes += Array(svg.utf8)
        }
        let folder = (path as NSString).deletingLastPathComponent
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return false }
        let temporary = "\(path).\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { return false }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
