import Foundation

/// The file in which a build leaves its chart drawings for the next build (`charter build` keeps one per content
/// folder under `~/.cache/charter`), so that charts that did not change are not laid out again.
///
/// The format is a header line naming the format and the layout engine (a different Graphviz gives a different
/// drawing), then per drawing a line `<key bytes> <SVG bytes>` followed by the key (the chart's fingerprint, or the DOT
/// of a plain layout) and the SVG. A file that is missing, damaged, of another format or from another engine reads as
/// empty: the charts are then simply drawn again.
enum ChartCacheFile {
    /// Names the format and what made the drawings in it. Change it whenever `DOTWriter`, `SVGCleaner` or the chart
    /// styles change what they write: the keys are chart models, which do not change with them.
    /// `ChartCacheFileTests` holds a checksum of what they write, to remind you.
    static let format = "charter-charts 4"

    /// The drawings in the file at `path`, as (key, SVG), in the order of the file.
    static func read(_ path: String, engine: String) -> [(key: [UInt8], svg: String)] {
        guard let bytes = ContentTree.readBytes(path) else { return [] }
        let header = Array("\(format) \(engine)\n".utf8)
        guard bytes.starts(with: header) else { return [] }
        var drawings: [(key: [UInt8], svg: String)] = []
        var position = header.count
        while position < bytes.count {
            guard let newline = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) else { return [] }
            let sizes = String(decoding: bytes[position..<newline], as: UTF8.self).split(separator: " ").compactMap { Int($0) }
            guard sizes.count == 2, sizes.allSatisfy({ $0 >= 0 }), newline + 1 + sizes[0] + sizes[1] <= bytes.count else { return [] }
            let dotStart = newline + 1
            let svgStart = dotStart + sizes[0]
            guard let svg = String(validating: bytes[svgStart..<(svgStart + sizes[1])], as: UTF8.self) else { return [] }
            drawings.append((Array(bytes[dotStart..<svgStart]), svg))
            position = svgStart + sizes[1]
        }
        return drawings
    }

    /// Writes `drawings` to `path` (through a temporary file beside it, so a reader never sees half a file); false if
    /// it could not be written.
    @discardableResult
    static func write(_ drawings: [(key: [UInt8], svg: String)], to path: String, engine: String) -> Bool {
        var bytes = Array("\(format) \(engine)\n".utf8)
        // In byte order of the keys, so the same drawings give the same file.
        for (key, svg) in drawings.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            bytes += Array("\(key.count) \(svg.utf8.count)\n".utf8)
            bytes += key
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
